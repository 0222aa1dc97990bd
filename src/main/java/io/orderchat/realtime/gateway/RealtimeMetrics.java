package io.orderchat.realtime.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderchat.socketio.ConnectionRefused;
import io.orderchat.socketio.Middleware;

/**
 * What the realtime layer tells an operator: commands by vocabulary, name and outcome,
 * Socket.IO connects admitted or refused by reason, and how long a stored message takes
 * to reach its recipients' sockets. Tags are bounded: command names are the registered
 * ones, outcomes are error codes, never ids.
 */
final class RealtimeMetrics {

	private final MeterRegistry registry;

	private final Counter accepted;

	private final Timer delivery;

	private final Timer write;

	RealtimeMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.accepted = connects("accepted");
		this.delivery = Timer.builder("orderchat.delivery.latency")
			.description("From a message's store time (before its commit) to its hand-over to the "
					+ "recipients' sockets for writing")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(registry);
		this.write = Timer.builder("orderchat.delivery.write.latency")
			.description("From a message's store time (before its commit) to the web server's completed "
					+ "write of it to a recipient's WebSocket, once per socket write")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(registry);
	}

	/** A command answered: {@code outcome} is {@code ok} or the error code. */
	void command(String dialect, String command, String outcome, long nanos) {
		Timer.builder("orderchat.commands")
			.description("Socket commands by vocabulary, name and outcome")
			.tags("dialect", dialect, "command", command, "outcome", outcome)
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	void connected() {
		this.accepted.increment();
	}

	/** {@code middleware}, with the connects it refuses counted by their error code. */
	Middleware counted(Middleware middleware) {
		return (socket) -> {
			try {
				middleware.handle(socket);
			}
			catch (ConnectionRefused refused) {
				String code = (refused.data() instanceof Map<?, ?> data && data.get("code") != null)
						? String.valueOf(data.get("code")) : "refused";
				connects(code).increment();
				throw refused;
			}
		};
	}

	void delivered(Instant storedAt) {
		this.delivery.record(Duration.between(storedAt, Instant.now()));
	}

	/**
	 * A socket write of a message completed, {@code micros} after the message was stored.
	 */
	void written(long micros) {
		this.write.record(Math.max(0, micros), TimeUnit.MICROSECONDS);
	}

	private Counter connects(String outcome) {
		return Counter.builder("orderchat.socketio.connects")
			.description("Socket.IO connects (after the Engine.IO handshake): accepted, or the refusal's code")
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
