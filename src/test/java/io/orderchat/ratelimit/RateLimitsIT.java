package io.orderchat.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits end to end with the real npm socket.io-client (e2e/limits), on a server with
 * tight limits: socket and REST sends over the message rate, order creation over its
 * rate, a user's sockets over the cap, a socket's joins over the cap — each refused with
 * {@code RATE_LIMITED}, others unaffected, and every refusal counted.
 */
class RateLimitsIT extends IntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void tightLimits(DynamicPropertyRegistry registry) {
		registry.add("orderchat.limits.messages-per-second", () -> 1);
		registry.add("orderchat.limits.message-burst", () -> 5);
		registry.add("orderchat.limits.orders-per-minute", () -> 3);
		registry.add("orderchat.limits.uploads-per-minute", () -> 2);
		registry.add("orderchat.limits.sockets-per-user", () -> 3);
		registry.add("orderchat.limits.joins-per-socket", () -> 2);
	}

	@Test
	void limitsRefuseWithRateLimitedAndCountTheRefusals() {
		NodeTests.run(this.port, SECRET, "e2e/limits");

		for (String limit : new String[] { "messages", "orders", "uploads", "sockets-per-user", "joins-per-socket" }) {
			assertThat(this.meters.find("orderchat.ratelimit.refused").tag("limit", limit).counter())
				.as("refusals counted for %s", limit)
				.isNotNull()
				.satisfies((counter) -> assertThat(counter.count()).isPositive());
		}
	}

}
