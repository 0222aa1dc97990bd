package io.orderchat.socketio.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New sessions are admitted within the handshake rate, per-address and pending limits.
 */
class HandshakeLimitsTest {

	private EngineServer engine;

	private final BlockingQueue<EngineSocket> opened = new LinkedBlockingQueue<>();

	@AfterEach
	void close() {
		this.engine.close();
	}

	@Test
	void oneAddressGetsItsBurstThenIsRefusedWith429() {
		start(new EngineLimits(1_000_000, 1_000, 1_000_000, 5, 0.001, 100, 100));
		for (int i = 0; i < 5; i++) {
			assertThat(this.engine.verify(handshake("10.0.0.1"))).isNull();
		}
		EngineError refused = this.engine.verify(handshake("10.0.0.1"));
		assertThat(refused).isEqualTo(EngineError.TOO_MANY_HANDSHAKES);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).startsWith("{\"code\":4,\"message\":\"Too many connection attempts");
		assertThat(this.engine.verify(handshake("10.0.0.2"))).as("another address").isNull();
		assertThat(this.engine.refusedHandshakes()).isEqualTo(1);
		// Requests of an existing session are not handshakes.
		assertThat(this.engine.verify(Requests.get("EIO=4&transport=polling&sid=unknown")))
			.isEqualTo(EngineError.UNKNOWN_SID);
	}

	@Test
	void anAddressMayHoldOnlySoManySessions() throws Exception {
		start(new EngineLimits(1_000_000, 1_000, 1_000_000, 100, 100, 2, 100));
		open("10.0.0.1");
		EngineSocket second = open("10.0.0.1");
		assertThat(this.engine.verify(handshake("10.0.0.1"))).isEqualTo(EngineError.TOO_MANY_SESSIONS);
		second.abort("test");
		assertThat(this.engine.verify(handshake("10.0.0.1"))).isNull();
	}

	@Test
	void sessionsNotYetEstablishedAreBoundedAcrossAddresses() throws Exception {
		start(new EngineLimits(1_000_000, 1_000, 1_000_000, 100, 100, 100, 2));
		EngineSocket first = open("10.0.0.1");
		EngineSocket second = open("10.0.0.2");
		assertThat(this.engine.pendingSessions()).isEqualTo(2);
		EngineError refused = this.engine.verify(handshake("10.0.0.3"));
		assertThat(refused).isEqualTo(EngineError.TOO_MANY_PENDING);
		assertThat(refused.status()).isEqualTo(503);

		first.establish();
		first.establish();
		assertThat(this.engine.pendingSessions()).isEqualTo(1);
		assertThat(this.engine.verify(handshake("10.0.0.3"))).isNull();
		second.abort("test");
		first.abort("test");
		assertThat(this.engine.pendingSessions()).isZero();
		assertThat(this.engine.size()).isZero();
	}

	private EngineSocket open(String address) throws Exception {
		EngineRequest request = handshake(address);
		assertThat(this.engine.verify(request)).isNull();
		RecordingResponder responder = new RecordingResponder();
		this.engine.handlePoll(request, responder);
		assertThat(responder.await().status()).isEqualTo(200);
		return this.opened.take();
	}

	private static EngineRequest handshake(String address) {
		return new EngineRequest("GET", Map.of("EIO", List.of("4"), "transport", List.of("polling")),
				Map.of("host", "localhost:3000"), address, false);
	}

	private void start(EngineLimits limits) {
		this.engine = new EngineServer(new EngineOptions(Duration.ofSeconds(10), Duration.ofSeconds(5),
				Duration.ofSeconds(1), 1_000_000, 1024, List.of(), false, Duration.ZERO, limits));
		this.engine.onConnection(this.opened::add);
	}

}
