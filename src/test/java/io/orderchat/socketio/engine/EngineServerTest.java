package io.orderchat.socketio.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineServerTest {

	private final EngineServer engine = new EngineServer(
			new EngineOptions(Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofSeconds(1), 1000, 16,
					List.of("https://shop.example"), false, Duration.ZERO));

	private final BlockingQueue<String> closeReasons = new LinkedBlockingQueue<>();

	EngineServerTest() {
		this.engine.onConnection((socket) -> {
			socket.onMessage(socket::send);
			socket.onClose(this.closeReasons::add);
		});
	}

	@AfterEach
	void close() {
		this.engine.close();
	}

	@Test
	void answersBadRequestsWithTheProtocolErrors() {
		assertThat(this.engine.verify(Requests.get("transport=polling")))
			.isEqualTo(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
		assertThat(this.engine.verify(Requests.get("EIO=abc&transport=polling")))
			.isEqualTo(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
		assertThat(this.engine.verify(Requests.get("EIO=3&transport=polling")))
			.isEqualTo(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
		assertThat(this.engine.verify(Requests.get("EIO=4"))).isEqualTo(EngineError.UNKNOWN_TRANSPORT);
		assertThat(this.engine.verify(Requests.get("EIO=4&transport=abc"))).isEqualTo(EngineError.UNKNOWN_TRANSPORT);
		assertThat(this.engine.verify(Requests.post("EIO=4&transport=polling")))
			.isEqualTo(EngineError.BAD_HANDSHAKE_METHOD);
		assertThat(this.engine.verify(Requests.request("PUT", "EIO=4&transport=polling", false, Map.of())))
			.isEqualTo(EngineError.BAD_HANDSHAKE_METHOD);
		assertThat(this.engine.verify(Requests.get("EIO=4&transport=polling&sid=unknown")))
			.isEqualTo(EngineError.UNKNOWN_SID);
		assertThat(this.engine.verify(Requests.get("EIO=4&transport=websocket"))).isEqualTo(EngineError.BAD_REQUEST);
		assertThat(EngineError.UNKNOWN_SID.status()).isEqualTo(400);
		assertThat(EngineError.UNKNOWN_SID.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
	}

	@Test
	void refusesOriginsNotAllowedButAcceptsSameOriginPages() {
		assertThat(this.engine.verify(
				Requests.request("GET", "EIO=4&transport=polling", false, Map.of("origin", "https://evil.example"))))
			.isEqualTo(EngineError.FORBIDDEN);
		assertThat(EngineError.FORBIDDEN.status()).isEqualTo(403);
		assertThat(this.engine.verify(
				Requests.request("GET", "EIO=4&transport=polling", false, Map.of("origin", "https://shop.example"))))
			.isNull();
		assertThat(this.engine.verify(
				Requests.request("GET", "EIO=4&transport=polling", false, Map.of("origin", "http://localhost:3000"))))
			.isNull();
	}

	@Test
	void opensAPollingSessionWithTheHandshake() throws Exception {
		String handshake = handshake();
		assertThat(handshake).startsWith("0{\"sid\":\"")
			.endsWith("\",\"upgrades\":[\"websocket\"],\"pingInterval\":300,\"pingTimeout\":200,\"maxPayload\":1000}");
	}

	@Test
	void echoesTextAndBinaryPacketsOverPolling() throws Exception {
		String sid = sid(handshake());
		assertThat(post(sid, "4hello\u001ebAQIDBA==").body()).isEqualTo("ok");
		assertThat(poll(sid).body()).isEqualTo("4hello\u001ebAQIDBA==");
	}

	@Test
	void answersAWaitingPollWhenAPacketIsSent() throws Exception {
		String sid = sid(handshake());
		RecordingResponder waiting = new RecordingResponder();
		this.engine.handlePoll(Requests.get("EIO=4&transport=polling&sid=" + sid), waiting);
		assertThat(waiting.isAnswered()).isFalse();
		post(sid, "4later");
		// A ping (300 ms interval here) may share the answer on a slow machine.
		assertThat(waiting.await().body().split("\u001e")).filteredOn((packet) -> !"2".equals(packet))
			.containsExactly("4later");
	}

	@Test
	void closesTheSessionUponAnInvalidPacket() throws Exception {
		String sid = sid(handshake());
		assertThat(post(sid, "abc").status()).isEqualTo(400);
		assertThat(this.closeReasons.poll(1, TimeUnit.SECONDS)).isEqualTo("parse error");
		assertThat(this.engine.verify(Requests.get("EIO=4&transport=polling&sid=" + sid)))
			.isEqualTo(EngineError.UNKNOWN_SID);
	}

	@Test
	void closesTheSessionUponDuplicatePolls() throws Exception {
		String sid = sid(handshake());
		RecordingResponder first = new RecordingResponder();
		RecordingResponder second = new RecordingResponder();
		this.engine.handlePoll(Requests.get("EIO=4&transport=polling&sid=" + sid), first);
		this.engine.handlePoll(Requests.get("EIO=4&transport=polling&sid=" + sid), second);
		assertThat(second.await().status()).isEqualTo(400);
		assertThat(first.await().body()).isEqualTo("1");
		assertThat(this.closeReasons.poll(1, TimeUnit.SECONDS)).isEqualTo("transport error");
	}

	@Test
	void answersAWaitingPollWithNoopWhenTheClientCloses() throws Exception {
		String sid = sid(handshake());
		RecordingResponder waiting = new RecordingResponder();
		this.engine.handlePoll(Requests.get("EIO=4&transport=polling&sid=" + sid), waiting);
		post(sid, "1");
		assertThat(waiting.await().body()).isEqualTo("6");
		assertThat(this.closeReasons.poll(1, TimeUnit.SECONDS)).isEqualTo("transport close");
	}

	@Test
	void sendsPingsAndClosesTheSessionWhenNoPongComes() throws Exception {
		String sid = sid(handshake());
		assertThat(poll(sid).body()).isEqualTo("2");
		post(sid, "3");
		assertThat(poll(sid).body()).isEqualTo("2");
		assertThat(this.closeReasons.poll(1, TimeUnit.SECONDS)).isEqualTo("ping timeout");
		assertThat(poll(sid).status()).isEqualTo(400);
	}

	@Test
	void closesAWebSocketSessionUponPingTimeout() throws Exception {
		FakeWebSocket socket = new FakeWebSocket().open(this.engine, "EIO=4&transport=websocket");
		assertThat((String) socket.next()).startsWith("0{").contains("\"upgrades\":[]");
		assertThat(socket.next()).isEqualTo("2");
		assertThat(socket.awaitClosed()).isTrue();
		assertThat(this.closeReasons.poll(1, TimeUnit.SECONDS)).isEqualTo("ping timeout");
	}

	@Test
	void echoesOverWebSocketAndClosesUponInvalidPacketOrClosePacket() throws Exception {
		FakeWebSocket socket = new FakeWebSocket().open(this.engine, "EIO=4&transport=websocket");
		socket.next();
		socket.send("4hello");
		assertThat(socket.nextText()).isEqualTo("4hello");
		socket.sendBinary(new byte[] { 1, 2 });
		assertThat((byte[]) socket.next()).containsExactly(1, 2);
		socket.send("abc");
		assertThat(socket.awaitClosed()).isTrue();
		assertThat(this.closeReasons.poll(1, TimeUnit.SECONDS)).isEqualTo("parse error");

		FakeWebSocket other = new FakeWebSocket().open(this.engine, "EIO=4&transport=websocket");
		other.send("1");
		assertThat(other.awaitClosed()).isTrue();
	}

	@Test
	void upgradesFromPollingToWebSocket() throws Exception {
		String sid = sid(handshake());
		FakeWebSocket socket = new FakeWebSocket().open(this.engine, "EIO=4&transport=websocket&sid=" + sid);
		socket.send("2probe");
		assertThat(socket.next()).isEqualTo("3probe");
		assertThat(poll(sid).body()).isEqualTo("6");
		socket.send("5");
		socket.send("4hello");
		assertThat(socket.nextText()).isEqualTo("4hello");
		assertThat(this.engine.verify(Requests.get("EIO=4&transport=polling&sid=" + sid)))
			.isEqualTo(EngineError.BAD_REQUEST);

		FakeWebSocket second = new FakeWebSocket().open(this.engine, "EIO=4&transport=websocket&sid=" + sid);
		assertThat(second.isClosed()).isTrue();
		assertThat(socket.isClosed()).isFalse();
	}

	@Test
	void givesUpAnUpgradeThatDoesNotComplete() throws Exception {
		String sid = sid(handshake());
		FakeWebSocket socket = new FakeWebSocket().open(this.engine, "EIO=4&transport=websocket&sid=" + sid);
		socket.send("4not-a-probe");
		assertThat(socket.awaitClosed()).isTrue();
		assertThat(poll(sid).body()).isEqualTo("2");
	}

	@Test
	void closesASessionWhoseClientDoesNotReadInsteadOfQueueingForever() throws Exception {
		FakeWebSocket stalled = new FakeWebSocket(true).open(this.engine, "EIO=4&transport=websocket");
		for (int i = 0; i < 40; i++) {
			stalled.send("4message " + i);
		}
		assertThat(stalled.awaitClosed()).isTrue();
		assertThat(this.closeReasons.poll(1, TimeUnit.SECONDS)).isEqualTo("outbound queue overflow");
	}

	@Test
	void keepsMessagesForAPollingClientUpToTheQueueLimit() throws Exception {
		String sid = sid(handshake());
		for (int i = 0; i < 16; i++) {
			post(sid, "4m" + i);
		}
		assertThat(poll(sid).body().split("\u001e")).hasSize(16);
		for (int i = 0; i < 17; i++) {
			post(sid, "4m" + i);
		}
		assertThat(this.closeReasons.poll(1, TimeUnit.SECONDS)).isEqualTo("outbound queue overflow");
	}

	private String handshake() throws Exception {
		RecordingResponder responder = new RecordingResponder();
		this.engine.handlePoll(Requests.get("EIO=4&transport=polling"), responder);
		RecordingResponder.Response response = responder.await();
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	private static String sid(String handshake) {
		return handshake.substring(9, handshake.indexOf('"', 9));
	}

	private RecordingResponder.Response poll(String sid) throws Exception {
		RecordingResponder responder = new RecordingResponder();
		EngineRequest request = Requests.get("EIO=4&transport=polling&sid=" + sid);
		EngineError error = this.engine.verify(request);
		if (error != null) {
			return new RecordingResponder.Response(error.status(), "application/json", error.body());
		}
		this.engine.handlePoll(request, responder);
		return responder.await();
	}

	private RecordingResponder.Response post(String sid, String body) throws Exception {
		RecordingResponder responder = new RecordingResponder();
		this.engine.handlePost(Requests.post("EIO=4&transport=polling&sid=" + sid), body, responder);
		return responder.await();
	}

}
