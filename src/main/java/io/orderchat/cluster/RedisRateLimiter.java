package io.orderchat.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.orderchat.ratelimit.Rate;
import io.orderchat.ratelimit.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis (Bucket4j's compare-and-swap on Lettuce): a user's messages are
 * counted once for the cluster, whichever nodes their devices use. A bucket's key expires
 * once it would be full again, so Redis holds only active buckets.
 * <p>
 * A check must not wait for Redis while the bucket is far from empty: the caller is often
 * a socket's serial task, and every later command of that socket (the next message
 * included) would wait behind the round trip, which on a loaded machine takes from
 * milliseconds to a second. So the node remembers what Redis last said was left in each
 * bucket, less what it granted since; while more than half the burst would still be left
 * after this token, the token is granted at once and spent in Redis without waiting
 * ({@link Known}). Nearer the limit, and for a bucket this node knows nothing about, the
 * check waits for Redis and is exact. The count is therefore approximate only while a
 * user is far from the limit: a node whose picture is stale (another node spent the
 * bucket meanwhile) grants at most half a burst too many before Redis's answers correct
 * it, so a user on N nodes gets at most N/2 bursts more each time the bucket runs dry.
 * <p>
 * When Redis does not answer the limiter lets the action through (a limit is a guard
 * against scripts, not worth refusing every user for an outage) and says so once in the
 * log.
 */
final class RedisRateLimiter implements RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

	/** Buckets this node remembers; one idle this long would have refilled anyway. */
	private static final Duration FORGET_AFTER = Duration.ofMinutes(1);

	private static final long MAX_KNOWN = 100_000;

	private final ProxyManager<String> buckets;

	private final AsyncProxyManager<String> asyncBuckets;

	private final Keys keys;

	private final Map<Rate, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	private final Cache<String, Known> known = Caffeine.newBuilder()
		.maximumSize(MAX_KNOWN)
		.expireAfterAccess(FORGET_AFTER)
		.build();

	private final Set<CompletableFuture<?>> spending = ConcurrentHashMap.newKeySet();

	private volatile boolean failing;

	RedisRateLimiter(RedisConnections redis, Keys keys) {
		this.buckets = builder(redis.bytes())
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.requestTimeout(RedisConnections.COMMAND_TIMEOUT)
			.build();
		this.asyncBuckets = this.buckets.asAsync();
		this.keys = keys;
	}

	/**
	 * A bucket is one key: on a cluster, its compare-and-swap runs on the key's shard.
	 */
	private static Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> builder(
			StatefulConnection<String, byte[]> connection) {
		return switch (connection) {
			case StatefulRedisClusterConnection<String, byte[]> cluster -> Bucket4jLettuce.casBasedBuilder(cluster);
			case StatefulRedisConnection<String, byte[]> single -> Bucket4jLettuce.casBasedBuilder(single);
			default -> throw new IllegalArgumentException("Not a Redis connection: " + connection);
		};
	}

	@Override
	public Permit tryAcquire(Rate rate, String key) {
		String bucket = this.keys.bucket(rate.name(), key);
		Known known = this.known.get(bucket, (ignored) -> new Known());
		if (known.tryGrantAhead(rate)) {
			spendWithoutWaiting(rate, bucket, known);
			return Permit.GRANTED;
		}
		return spendAndWait(rate, bucket, known);
	}

	private Permit spendAndWait(Rate rate, String bucket, Known known) {
		try {
			ConsumptionProbe probe = this.buckets.builder()
				.build(bucket, () -> configuration(rate))
				.tryConsumeAndReturnRemaining(1);
			answered();
			known.answered(probe);
			return probe.isConsumed() ? Permit.GRANTED
					: Permit.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		catch (RuntimeException ex) {
			known.forget();
			failed(ex);
			return Permit.GRANTED;
		}
	}

	private void spendWithoutWaiting(Rate rate, String bucket, Known known) {
		CompletableFuture<ConsumptionProbe> spent;
		try {
			spent = this.asyncBuckets.builder()
				.build(bucket, () -> CompletableFuture.completedFuture(configuration(rate)))
				.tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			known.landed();
			known.forget();
			failed(ex);
			return;
		}
		this.spending.add(spent);
		spent.whenComplete((probe, failure) -> {
			this.spending.remove(spent);
			known.landed();
			if (failure != null) {
				known.forget();
				failed(failure);
			}
			else {
				answered();
				known.answered(probe);
			}
		});
	}

	/** For tests: waits until every token granted ahead has been spent in Redis. */
	void awaitSpent() {
		CompletableFuture.allOf(this.spending.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
	}

	private BucketConfiguration configuration(Rate rate) {
		return this.configurations.computeIfAbsent(rate,
				(r) -> BucketConfiguration.builder()
					.addLimit((limit) -> limit.capacity(r.capacity()).refillGreedy(r.refill(), r.period()))
					.build());
	}

	private void answered() {
		if (this.failing) {
			this.failing = false;
			log.info("Rate limits in Redis answer again");
		}
	}

	private void failed(Throwable ex) {
		if (!this.failing) {
			log.warn("Rate limits in Redis failed: {}; actions are let through until Redis answers", ex.getMessage());
		}
		this.failing = true;
	}

	/**
	 * What this node knows of one bucket in Redis: the tokens left at Redis's last
	 * answer, less those granted here since, and how many of those are still on their
	 * way. It ignores the refill (so it only errs towards asking Redis) and other nodes'
	 * spending (which the half-burst margin covers).
	 */
	static final class Known {

		private static final long UNKNOWN = -1;

		private final AtomicLong left = new AtomicLong(UNKNOWN);

		private final AtomicInteger inFlight = new AtomicInteger();

		/**
		 * Takes a token ahead of Redis when more than half the burst would still be left.
		 */
		boolean tryGrantAhead(Rate rate) {
			long margin = (rate.capacity() + 1) / 2;
			while (true) {
				long now = this.left.get();
				if (now == UNKNOWN || now - 1 < margin) {
					return false;
				}
				if (this.left.compareAndSet(now, now - 1)) {
					this.inFlight.incrementAndGet();
					return true;
				}
			}
		}

		/** Redis's answer to a spend; one granted ahead is no longer on its way. */
		void answered(ConsumptionProbe probe) {
			this.left.set(probe.isConsumed() ? Math.max(0, probe.getRemainingTokens() - this.inFlight.get()) : 0);
		}

		void forget() {
			this.left.set(UNKNOWN);
		}

		void landed() {
			this.inFlight.decrementAndGet();
		}

	}

}
