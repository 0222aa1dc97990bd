package io.orderchat.ratelimit;

import java.time.Duration;

/**
 * Token buckets by name and key. Taking a token is atomic per bucket, so concurrent
 * callers never spend more than the rate allows. The in-memory implementation counts on
 * this node; one backed by Redis (Bucket4j's Lettuce proxy manager) would share the
 * buckets across a cluster behind this same interface.
 */
public interface RateLimiter {

	/** Takes one token from {@code key}'s bucket of {@code rate}, if there is one. */
	Permit tryAcquire(Rate rate, String key);

	/**
	 * Whether a token was taken; when not, how long until one will be there.
	 *
	 * @param allowed a token was taken
	 * @param retryAfter zero when allowed
	 */
	record Permit(boolean allowed, Duration retryAfter) {

		public static final Permit GRANTED = new Permit(true, Duration.ZERO);

		public static Permit refused(Duration retryAfter) {
			return new Permit(false, retryAfter);
		}

	}

}
