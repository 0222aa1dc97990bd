package io.orderchat.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.shared.RateLimited;
import io.orderchat.ratelimit.RateLimiter.Permit;

/**
 * The configured limits, applied where what they count is known: a module spends a token
 * of a rate ({@link #spend}) or checks a cap ({@link #requireBelowCap}) before the work.
 * A refusal throws {@link RateLimited} and counts in {@code orderchat.ratelimit.refused},
 * tagged by {@link Limit#tag()}.
 */
public class RateLimits {

	static final String REFUSED = "orderchat.ratelimit.refused";

	private final RateLimiter limiter;

	private final Map<Limit, Rate> rates = new EnumMap<>(Limit.class);

	private final Map<Limit, Integer> caps = new EnumMap<>(Limit.class);

	private final Map<Limit, Counter> refusals = new EnumMap<>(Limit.class);

	RateLimits(RateLimiter limiter, LimitProperties properties, MeterRegistry registry) {
		this.limiter = limiter;
		this.rates.putAll(rates(properties));
		this.caps.put(Limit.SOCKETS_PER_USER, properties.socketsPerUser());
		this.caps.put(Limit.JOINS_PER_SOCKET, properties.joinsPerSocket());
		for (Limit limit : Limit.values()) {
			this.refusals.put(limit,
					Counter.builder(REFUSED)
						.tag("limit", limit.tag())
						.description("Actions refused with RATE_LIMITED")
						.register(registry));
		}
	}

	static Map<Limit, Rate> rates(LimitProperties properties) {
		Duration second = Duration.ofSeconds(1);
		Duration minute = Duration.ofMinutes(1);
		return Map.of(Limit.MESSAGES,
				new Rate(Limit.MESSAGES.tag(), properties.messageBurst(), properties.messagesPerSecond(), second),
				Limit.REACTIONS,
				new Rate(Limit.REACTIONS.tag(), properties.reactionsPerMinute(), properties.reactionsPerMinute(),
						minute),
				Limit.ORDERS,
				new Rate(Limit.ORDERS.tag(), properties.ordersPerMinute(), properties.ordersPerMinute(), minute),
				Limit.UPLOADS,
				new Rate(Limit.UPLOADS.tag(), properties.uploadsPerMinute(), properties.uploadsPerMinute(), minute),
				Limit.REQUESTS_PER_IP, new Rate(Limit.REQUESTS_PER_IP.tag(), properties.requestBurstPerIp(),
						properties.requestsPerSecondPerIp(), second));
	}

	/**
	 * Spends one token of {@code key}'s bucket of a rate limit (a user id, an address).
	 * @throws RateLimited when the bucket is empty, with when to try again
	 */
	public void spend(Limit limit, String key) {
		Rate rate = this.rates.get(limit);
		if (rate == null) {
			throw new IllegalArgumentException(limit + " is a cap, not a rate");
		}
		Permit permit = this.limiter.tryAcquire(rate, key);
		if (!permit.allowed()) {
			this.refusals.get(limit).increment();
			throw new RateLimited("Too many " + limit.noun() + ": at most " + describe(rate) + "; try again in "
					+ RateLimited.seconds(permit.retryAfter()) + " s", permit.retryAfter());
		}
	}

	/**
	 * Refuses taking one more of a capped thing when {@code held} are held already.
	 * @throws RateLimited when {@code held} has reached the cap
	 */
	public void requireBelowCap(Limit limit, int held) {
		int cap = cap(limit);
		if (held >= cap) {
			this.refusals.get(limit).increment();
			throw new RateLimited("Too many " + limit.noun() + ": at most " + cap + "; " + limit.release(), null);
		}
	}

	public int cap(Limit limit) {
		Integer cap = this.caps.get(limit);
		if (cap == null) {
			throw new IllegalArgumentException(limit + " is a rate, not a cap");
		}
		return cap;
	}

	private static String describe(Rate rate) {
		String per = rate.period().equals(Duration.ofMinutes(1)) ? "minute" : "second";
		String steady = rate.refill() + " per " + per;
		return (rate.capacity() == rate.refill()) ? steady : steady + ", " + rate.capacity() + " at once";
	}

}
