package io.orderchat.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
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
 * once it would be full again, so Redis holds only active buckets. When Redis does not
 * answer the limiter lets the action through (a limit is a guard against scripts, not
 * worth refusing every user for an outage) and says so once in the log.
 */
final class RedisRateLimiter implements RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

	private final ProxyManager<String> buckets;

	private final Keys keys;

	private final Map<Rate, Supplier<BucketConfiguration>> configurations = new ConcurrentHashMap<>();

	private volatile boolean failing;

	RedisRateLimiter(RedisConnections redis, Keys keys) {
		this.buckets = builder(redis.bytes())
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.requestTimeout(RedisConnections.COMMAND_TIMEOUT)
			.build();
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
		try {
			ConsumptionProbe probe = this.buckets.builder()
				.build(this.keys.bucket(rate.name(), key), this.configurations.computeIfAbsent(rate, (r) -> {
					BucketConfiguration configuration = BucketConfiguration.builder()
						.addLimit((limit) -> limit.capacity(r.capacity()).refillGreedy(r.refill(), r.period()))
						.build();
					return () -> configuration;
				}))
				.tryConsumeAndReturnRemaining(1);
			this.failing = false;
			return probe.isConsumed() ? Permit.GRANTED
					: Permit.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				log.warn("Rate limits in Redis failed: {}; actions are let through until Redis answers",
						ex.getMessage());
			}
			this.failing = true;
			return Permit.GRANTED;
		}
	}

}
