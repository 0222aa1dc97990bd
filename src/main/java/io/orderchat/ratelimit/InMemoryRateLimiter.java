package io.orderchat.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Bucket4j buckets in a bounded Caffeine cache: a bucket nobody touched for
 * {@code idleExpiry} is dropped, and at most {@code maxBuckets} are kept, so memory stays
 * bounded however many users or addresses come. A dropped bucket comes back full, which
 * is what it would have been after an idle time at least as long as its refill time.
 */
final class InMemoryRateLimiter implements RateLimiter {

	private final Cache<BucketKey, Bucket> buckets;

	InMemoryRateLimiter(long maxBuckets, Duration idleExpiry) {
		this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(idleExpiry).build();
	}

	@Override
	public Permit tryAcquire(Rate rate, String key) {
		Bucket bucket = this.buckets.get(new BucketKey(rate.name(), key), (ignored) -> newBucket(rate));
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Permit.GRANTED : Permit.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private static Bucket newBucket(Rate rate) {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(rate.capacity()).refillGreedy(rate.refill(), rate.period()))
			.build();
	}

	private record BucketKey(String rate, String key) {
	}

}
