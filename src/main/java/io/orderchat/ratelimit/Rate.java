package io.orderchat.ratelimit;

import java.time.Duration;

/**
 * A token bucket's shape: it holds at most {@code capacity} tokens (the burst) and gains
 * {@code refill} tokens every {@code period}, spread evenly.
 *
 * @param name names the bucket family; a key's bucket is per name and key
 * @param capacity the most tokens, spent at once in a burst
 * @param refill tokens regained per period
 * @param period the refill period
 */
public record Rate(String name, long capacity, long refill, Duration period) {

	public Rate {
		if (capacity < 1 || refill < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("A rate needs a positive capacity, refill and period: " + name);
		}
	}

	/** How long an empty bucket takes to fill up again. */
	Duration refillTime() {
		return this.period.multipliedBy(this.capacity).dividedBy(this.refill);
	}

}
