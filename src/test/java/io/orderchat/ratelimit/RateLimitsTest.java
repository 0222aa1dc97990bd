package io.orderchat.ratelimit;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.RateLimited;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimitsTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RateLimits limits = new RateLimits(new InMemoryRateLimiter(1000, Duration.ofMinutes(1)),
			new LimitProperties(1, 3, 120, 2, 30, 50, 200, 2, 2, 1000), this.meters);

	@Test
	void allowsTheBurstThenRefusesWithWhenToRetry() {
		for (int i = 0; i < 3; i++) {
			this.limits.spend(Limit.MESSAGES, "alice");
		}
		RateLimited refused = catchThrowableOfType(RateLimited.class, () -> this.limits.spend(Limit.MESSAGES, "alice"));

		assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
		assertThat(refused.getMessage()).contains("messages", "1 per second", "3 at once");
		assertThat(refused.retryAfter())
			.hasValueSatisfying((retry) -> assertThat(retry).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
		assertThat(RateLimited.seconds(refused.retryAfter().orElseThrow())).isEqualTo(1);
	}

	@Test
	void oneKeysLimitLeavesOtherKeysAndOtherLimitsAlone() {
		this.limits.spend(Limit.ORDERS, "alice");
		this.limits.spend(Limit.ORDERS, "alice");
		assertThatThrownBy(() -> this.limits.spend(Limit.ORDERS, "alice")).isInstanceOf(RateLimited.class);

		this.limits.spend(Limit.ORDERS, "bob");
		this.limits.spend(Limit.MESSAGES, "alice");
	}

	@Test
	void countsEachRefusalByLimit() {
		this.limits.spend(Limit.ORDERS, "alice");
		this.limits.spend(Limit.ORDERS, "alice");
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.limits.spend(Limit.ORDERS, "alice")).isInstanceOf(RateLimited.class);
		}
		assertThatThrownBy(() -> this.limits.requireBelowCap(Limit.JOINS_PER_SOCKET, 2))
			.isInstanceOf(RateLimited.class);

		assertThat(refusals(Limit.ORDERS)).isEqualTo(2);
		assertThat(refusals(Limit.JOINS_PER_SOCKET)).isEqualTo(1);
		assertThat(refusals(Limit.MESSAGES)).isZero();
	}

	@Test
	void aCapRefusesAtItsSizeWithoutARetryTime() {
		this.limits.requireBelowCap(Limit.SOCKETS_PER_USER, 1);
		RateLimited refused = catchThrowableOfType(RateLimited.class,
				() -> this.limits.requireBelowCap(Limit.SOCKETS_PER_USER, 2));

		assertThat(refused.retryAfter()).isEmpty();
		assertThat(refused.getMessage()).contains("connections", "at most 2");
	}

	private double refusals(Limit limit) {
		return this.meters.get(RateLimits.REFUSED).tag("limit", limit.tag()).counter().count();
	}

}
