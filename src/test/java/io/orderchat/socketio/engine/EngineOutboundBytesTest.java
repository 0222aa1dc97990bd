package io.orderchat.socketio.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes waiting for clients are counted when queued and released when written, per
 * session and for the whole server, and bound both.
 */
class EngineOutboundBytesTest {

	private EngineServer engine;

	private final BlockingQueue<EngineSocket> opened = new LinkedBlockingQueue<>();

	private final BlockingQueue<String> closeReasons = new LinkedBlockingQueue<>();

	@AfterEach
	void close() {
		this.engine.close();
	}

	@Test
	void aWebSocketWriteHoldsItsBytesUntilTheWebServerHasWrittenIt() throws Exception {
		start(new EngineLimits(100_000, 1_000, 1_000_000, 10, 10, 10, 10));
		FakeWebSocket client = new FakeWebSocket().open(this.engine, "EIO=4&transport=websocket");
		EngineSocket session = this.opened.take();
		assertThat((String) client.next()).startsWith("0{\"sid\"");
		session.send(EnginePacket.message("x".repeat(5_000)));
		assertThat(client.nextText()).hasSize(5_001);
		assertThat(session.outboundBytes()).isZero();
		assertThat(this.engine.outboundBytes()).isZero();
		assertThat(session.congested()).isFalse();
	}

	@Test
	void aClientThatDoesNotReadIsCongestedThenClosedOverItsByteLimit() throws Exception {
		start(new EngineLimits(2_000, 1_000, 1_000_000, 10, 10, 10, 10));
		new FakeWebSocket(true).open(this.engine, "EIO=4&transport=websocket");
		EngineSocket session = this.opened.take();
		long handshake = session.outboundBytes();
		assertThat(handshake).isPositive();

		session.send(EnginePacket.message("x".repeat(1_000)));
		assertThat(session.outboundBytes()).isEqualTo(handshake + 1_001);
		assertThat(this.engine.outboundBytes()).isEqualTo(handshake + 1_001);
		assertThat(session.congested()).isTrue();
		// Under the limit when it comes, so one answer larger than what is left still
		// goes.
		session.send(EnginePacket.message("x".repeat(1_000)));
		assertThat(session.isOpen()).isTrue();

		session.send(EnginePacket.message("one more"));
		assertThat(this.closeReasons.poll(2, TimeUnit.SECONDS)).isEqualTo("outbound queue overflow");
		assertThat(session.isOpen()).isFalse();
		assertThat(this.engine.outboundBytes()).isZero();
		assertThat(this.engine.slowConsumerClosures()).isEqualTo(1);
	}

	@Test
	void aLongPollTakesTheBytesOfWhatItCarries() throws Exception {
		start(new EngineLimits(100_000, 1_000, 1_000_000, 10, 10, 10, 10));
		RecordingResponder handshake = new RecordingResponder();
		this.engine.handlePoll(Requests.get("EIO=4&transport=polling"), handshake);
		handshake.await();
		EngineSocket session = this.opened.take();
		session.send(List.of(EnginePacket.message("x".repeat(1_500)), EnginePacket.message(new byte[300])));
		assertThat(session.outboundBytes()).isEqualTo(1_501 + 1 + 400);
		assertThat(session.congested()).isTrue();
		assertThat(this.engine.outboundBytes()).isEqualTo(1_902);

		RecordingResponder poll = new RecordingResponder();
		this.engine.handlePoll(Requests.get("EIO=4&transport=polling&sid=" + session.id()), poll);
		assertThat(poll.await().body()).startsWith("4xxx");
		assertThat(session.outboundBytes()).isZero();
		assertThat(this.engine.outboundBytes()).isZero();
		assertThat(session.congested()).isFalse();
	}

	@Test
	void overTheServersBudgetTheSessionsHoldingMostAreCutAndEveryoneIsCongested() throws Exception {
		start(new EngineLimits(1_000_000, 1_000, 2_500, 10, 10, 10, 10));
		new FakeWebSocket(true).open(this.engine, "EIO=4&transport=websocket");
		EngineSocket big = this.opened.take();
		new FakeWebSocket(true).open(this.engine, "EIO=4&transport=websocket");
		EngineSocket small = this.opened.take();
		big.send(EnginePacket.message("x".repeat(1_500)));
		assertThat(small.congested()).isFalse();
		small.send(EnginePacket.message("x".repeat(800)));
		assertThat(this.engine.outboundBytes()).isGreaterThan(2_500);
		assertThat(small.congested()).as("congested while the server is over budget").isTrue();

		big.send(EnginePacket.message("more"));
		small.send(EnginePacket.message("more"));
		assertThat(this.closeReasons.poll(2, TimeUnit.SECONDS)).isEqualTo("outbound queue overflow");
		assertThat(big.isOpen()).isFalse();
		assertThat(small.isOpen()).isTrue();
		assertThat(small.congested()).as("back under budget").isFalse();
	}

	private void start(EngineLimits limits) {
		this.engine = new EngineServer(new EngineOptions(Duration.ofSeconds(10), Duration.ofSeconds(5),
				Duration.ofSeconds(1), 1_000_000, 1024, List.of(), false, Duration.ZERO, limits));
		this.engine.onConnection((socket) -> {
			socket.onClose(this.closeReasons::add);
			this.opened.add(socket);
		});
	}

}
