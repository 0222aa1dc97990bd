package io.orderchat.socketio;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderchat.socketio.engine.FakeWebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SocketIoServerTest {

	private final SocketIoServer server = new SocketIoServer(SocketIoOptions.defaults()
		.withPingInterval(Duration.ofSeconds(10))
		.withConnectTimeout(Duration.ofMillis(500))
		.withOutboundQueueLimit(32));

	private final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();

	private final Map<FakeWebSocket, String> socketIds = new java.util.concurrent.ConcurrentHashMap<>();

	SocketIoServerTest() {
		this.server.sockets().onConnection((socket) -> {
			socket.emit("auth", socket.handshake().auth());
			socket.on("message", (args, ack) -> socket.emit("message-back", (Object[]) args));
			socket.on("message-with-ack", (args, ack) -> ack.send((Object[]) args));
			socket.on("join", (args, ack) -> socket.join(args[0].asString()));
			socket.on("fail", (args, ack) -> {
				throw new IllegalStateException("boom");
			});
			socket.onDisconnect(this.disconnects::add);
		});
		this.server.of("/custom").onConnection((socket) -> socket.emit("auth", socket.handshake().auth()));
	}

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void connectsToTheMainNamespaceAndPassesTheAuthPayload() throws Exception {
		FakeWebSocket client = open();
		client.send("40{\"token\":\"123\"}");
		assertThat(client.nextText()).matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}");
		assertThat(client.nextText()).isEqualTo("42[\"auth\",{\"token\":\"123\"}]");
	}

	@Test
	void connectsToACustomNamespaceWithoutPayload() throws Exception {
		FakeWebSocket client = open();
		client.send("40/custom,");
		assertThat(client.nextText()).startsWith("40/custom,{\"sid\":");
		assertThat(client.nextText()).isEqualTo("42/custom,[\"auth\",{}]");
	}

	@Test
	void refusesAnUnknownNamespace() throws Exception {
		FakeWebSocket client = open();
		client.send("40/random");
		assertThat(client.nextText()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
		assertThat(client.isClosed()).isFalse();
	}

	@Test
	void sendsAMiddlewareRefusalAsConnectErrorWithItsData() throws Exception {
		this.server.of("/guarded").use((socket) -> {
			throw new ConnectionRefused("bad token", Map.of("code", "UNAUTHORIZED"));
		});
		FakeWebSocket client = open();
		client.send("40/guarded,{\"token\":\"x\"}");
		assertThat(client.nextText())
			.isEqualTo("44/guarded,{\"message\":\"bad token\",\"data\":{\"code\":\"UNAUTHORIZED\"}}");
		assertThat(this.server.of("/guarded").size()).isZero();
	}

	@Test
	void runsMiddlewareInOrderAndKeepsTheAttributesItSets() throws Exception {
		Namespace ns = this.server.of("/attributes");
		ns.use((socket) -> socket.attribute("user", "alice"));
		ns.use((socket) -> socket.attribute("greeting", "hello " + socket.attribute("user")));
		CompletableFuture<String> seen = new CompletableFuture<>();
		ns.onConnection((socket) -> seen.complete(socket.attribute("greeting")));
		open().send("40/attributes,");
		assertThat(seen.get(2, TimeUnit.SECONDS)).isEqualTo("hello alice");
	}

	@Test
	void echoesEventsAndAcknowledgesThem() throws Exception {
		FakeWebSocket client = connected();
		client.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
		assertThat(client.nextText()).isEqualTo("42[\"message-back\",1,\"2\",{\"3\":[true]}]");
		client.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
		assertThat(client.nextText()).isEqualTo("43456[1,\"2\",{\"3\":[false]}]");
	}

	@Test
	void echoesBinaryAttachments() throws Exception {
		FakeWebSocket client = connected();
		client
			.send("452-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
		client.sendBinary(new byte[] { 1, 2, 3 });
		client.sendBinary(new byte[] { 4, 5, 6 });
		assertThat(client.nextText())
			.isEqualTo("462-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
		assertThat((byte[]) client.next()).containsExactly(1, 2, 3);
		assertThat((byte[]) client.next()).containsExactly(4, 5, 6);
	}

	@Test
	void closesTheConnectionUponMalformedPackets() throws Exception {
		for (String malformed : List.of("4abc", "42{}", "42abc[\"message-with-ack\",1]", "452-[\"x\"]")) {
			FakeWebSocket client = connected();
			client.send(malformed);
			if (malformed.startsWith("452")) {
				client.send("42[\"text while waiting for binary\"]");
			}
			assertThat(client.awaitClosed()).as(malformed).isTrue();
			assertThat(this.disconnects.poll(2, TimeUnit.SECONDS)).as(malformed).isEqualTo("parse error");
		}
	}

	@Test
	void closesAConnectionThatJoinsNoNamespaceInTime() throws Exception {
		FakeWebSocket client = open();
		assertThat(client.awaitClosed()).isTrue();
	}

	@Test
	void keepsTheConnectionWhenAHandlerThrowsAndTellsTheErrorHandler() throws Exception {
		BlockingQueue<String> errors = new LinkedBlockingQueue<>();
		this.server.setErrorHandler((socket, event, error, ack) -> {
			errors.add(event + ": " + error.getMessage());
			ack.send(Map.of("ok", false));
		});
		FakeWebSocket client = connected();
		client.send("427[\"fail\"]");
		assertThat(errors.poll(2, TimeUnit.SECONDS)).isEqualTo("fail: boom");
		assertThat(client.nextText()).isEqualTo("437[{\"ok\":false}]");
		client.send("42[\"message\",\"still here\"]");
		assertThat(client.nextText()).isEqualTo("42[\"message-back\",\"still here\"]");
	}

	@Test
	void answersACommandWhoseHandlerRanOutOfMemory() throws Exception {
		this.server.setErrorHandler((socket, event, error, ack) -> ack.send(Map.of("code", "INTERNAL")));
		this.server.sockets().onConnection((socket) -> socket.on("huge", (args, ack) -> {
			throw new OutOfMemoryError("Java heap space");
		}));
		FakeWebSocket client = connected();
		client.send("428[\"huge\"]");
		assertThat(client.nextText()).isEqualTo("438[{\"code\":\"INTERNAL\"}]");
	}

	@Test
	void answersWithTheErrorWhenTheAnswerItselfCannotBeEncoded() throws Exception {
		// The JVM throws one preallocated OutOfMemoryError when it is short of memory.
		OutOfMemoryError shortOfMemory = new OutOfMemoryError("Java heap space");
		this.server.setErrorHandler((socket, event, error, ack) -> ack.send(Map.of("code", "INTERNAL")));
		this.server.sockets()
			.onConnection((socket) -> socket.on("huge",
					(args, ack) -> ack.send(new PacketWriterTest.Unwritable(shortOfMemory))));
		FakeWebSocket client = connected();
		client.send("429[\"huge\"]");
		assertThat(client.nextText()).isEqualTo("439[{\"code\":\"INTERNAL\"}]");
		client.send("42[\"message\",\"still here\"]");
		assertThat(client.nextText()).isEqualTo("42[\"message-back\",\"still here\"]");
	}

	@Test
	void closesAPollingConnectionThatNeverConnectsAtTheConnectTimeoutDespiteAQueuedPing() throws Exception {
		SocketIoServer quick = new SocketIoServer(SocketIoOptions.defaults()
			.withPingInterval(Duration.ofMillis(100))
			.withPingTimeout(Duration.ofSeconds(5))
			.withConnectTimeout(Duration.ofMillis(500)));
		try {
			CompletableFuture<String> handshake = new CompletableFuture<>();
			quick.engine()
				.handlePoll(io.orderchat.socketio.engine.Requests.get("EIO=4&transport=polling"),
						(status, type, body) -> handshake.complete(body));
			assertThat(handshake.get(2, TimeUnit.SECONDS)).startsWith("0{\"sid\"");
			assertThat(quick.engine().pendingSessions()).isEqualTo(1);
			long started = System.nanoTime();
			while (quick.engine().size() > 0 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3)) {
				Thread.sleep(20);
			}
			// Before the fix a queued ping made the close wait a ping interval + timeout
			// more.
			assertThat(quick.engine().size()).isZero();
			assertThat(quick.engine().pendingSessions()).isZero();
		}
		finally {
			quick.close();
		}
	}

	@Test
	void completesServerAcksWithTheClientsReplyOrATimeout() throws Exception {
		FakeWebSocket client = connected();
		SocketIoSocket socket = onlySocket();
		CompletableFuture<JsonNode[]> answered = socket.emitWithAck(Duration.ofSeconds(2), "question", "q");
		assertThat(client.nextText()).isEqualTo("420[\"question\",\"q\"]");
		client.send("430[\"answer\",42]");
		JsonNode[] reply = answered.get(2, TimeUnit.SECONDS);
		assertThat(reply[0].asString()).isEqualTo("answer");
		assertThat(reply[1].asInt()).isEqualTo(42);

		CompletableFuture<JsonNode[]> unanswered = socket.emitWithAck(Duration.ofMillis(100), "question", "q");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> unanswered.get(2, TimeUnit.SECONDS))
			.withCauseInstanceOf(TimeoutException.class);

		CompletableFuture<JsonNode[]> cut = socket.emitWithAck(Duration.ofSeconds(5), "question", "q");
		client.send("41");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> cut.get(2, TimeUnit.SECONDS))
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void broadcastsToRoomsWithExclusions() throws Exception {
		FakeWebSocket alice = connected();
		FakeWebSocket bob = connected();
		FakeWebSocket carol = connected();
		alice.send("42[\"join\",\"r1\"]");
		bob.send("42[\"join\",\"r1\"]");
		awaitRoomSize("r1", 2);

		this.server.sockets().to("r1").emit("news", "for r1");
		assertThat(alice.nextText()).isEqualTo("42[\"news\",\"for r1\"]");
		assertThat(bob.nextText()).isEqualTo("42[\"news\",\"for r1\"]");

		SocketIoSocket sender = this.server.sockets().socket(this.socketIds.get(alice)).orElseThrow();
		sender.to("r1").emit("from", "sender");
		this.server.sockets().except("r1").emit("outside", 1);
		assertThat(alice.drain(Duration.ofMillis(200))).isEmpty();
		assertThat(bob.drain(Duration.ofMillis(10))).containsExactly("42[\"from\",\"sender\"]");
		assertThat(carol.drain(Duration.ofMillis(50))).containsExactly("42[\"outside\",1]");
	}

	@Test
	void sendsBinaryArgumentsAsAttachments() throws Exception {
		FakeWebSocket client = connected();
		this.server.sockets().emit("file", new byte[] { 7 }, Map.of("name", "a.bin"));
		assertThat(client.nextText())
			.isEqualTo("451-[\"file\",{\"_placeholder\":true,\"num\":0},{\"name\":\"a.bin\"}]");
		assertThat((byte[]) client.next()).containsExactly(7);
	}

	@Test
	void aConnectionThatNeverSendsConnectReceivesNothing() throws Exception {
		FakeWebSocket raw = open();
		connected();
		this.server.sockets().emit("everyone", "hi");
		assertThat(raw.drain(Duration.ofMillis(200))).isEmpty();
	}

	@Test
	void reportsDisconnectReasonsFromEitherSide() throws Exception {
		FakeWebSocket client = connected();
		client.send("41");
		assertThat(this.disconnects.poll(2, TimeUnit.SECONDS)).isEqualTo("client namespace disconnect");
		assertThat(this.server.sockets().size()).isZero();

		FakeWebSocket other = connected();
		onlySocket().disconnect(false);
		assertThat(other.nextText()).isEqualTo("41");
		assertThat(this.disconnects.poll(2, TimeUnit.SECONDS)).isEqualTo("server namespace disconnect");
		assertThat(other.isClosed()).isFalse();

		FakeWebSocket closing = connected();
		closing.handler().onClose();
		assertThat(this.disconnects.poll(2, TimeUnit.SECONDS)).isEqualTo("transport close");
	}

	@Test
	void disconnectsASlowClientWithoutHoldingUpOthers() throws Exception {
		FakeWebSocket slow = new FakeWebSocket(true).open(this.server.engine(), "EIO=4&transport=websocket");
		slow.send("40");
		FakeWebSocket fast = connected();
		awaitSize(2);
		for (int i = 0; i < 100; i++) {
			this.server.sockets().emit("tick", i);
		}
		assertThat(this.disconnects.poll(2, TimeUnit.SECONDS)).isEqualTo("outbound queue overflow");
		List<Object> received = fast.drain(Duration.ofMillis(300));
		assertThat(received).hasSize(100);
		assertThat(received.get(99)).isEqualTo("42[\"tick\",99]");
	}

	@Test
	void closingTheServerClosesTransportsWithoutADisconnectSoClientsReconnect() throws Exception {
		FakeWebSocket client = connected();

		this.server.close();

		assertThat(client.awaitClosed()).isTrue();
		assertThat(client.drain(Duration.ofMillis(100))).as("socket.io-client does not reconnect after a DISCONNECT")
			.noneMatch((frame) -> frame instanceof String text && text.startsWith("41"));
		assertThat(this.disconnects.poll(2, TimeUnit.SECONDS)).isEqualTo("server shutting down");
	}

	private FakeWebSocket open() throws InterruptedException {
		FakeWebSocket client = new FakeWebSocket().open(this.server.engine(), "EIO=4&transport=websocket");
		assertThat((String) client.next()).startsWith("0{\"sid\"");
		return client;
	}

	private FakeWebSocket connected() throws InterruptedException {
		FakeWebSocket client = open();
		client.send("40");
		String connect = client.nextText();
		assertThat(connect).startsWith("40{\"sid\"");
		this.socketIds.put(client, connect.substring(10, 30));
		assertThat(client.nextText()).isEqualTo("42[\"auth\",{}]");
		return client;
	}

	private SocketIoSocket onlySocket() {
		String id = this.server.namespace("/").adapter().sockets(Set.of()).iterator().next();
		return this.server.sockets().socket(id).orElseThrow();
	}

	private void awaitRoomSize(String room, int size) throws InterruptedException {
		for (int i = 0; i < 200 && this.server.sockets().socketIdsIn(room).size() < size; i++) {
			Thread.sleep(10);
		}
		assertThat(this.server.sockets().socketIdsIn(room)).hasSize(size);
	}

	private void awaitSize(int size) throws InterruptedException {
		for (int i = 0; i < 200 && this.server.sockets().size() < size; i++) {
			Thread.sleep(10);
		}
		assertThat(this.server.sockets().size()).isEqualTo(size);
	}

}
