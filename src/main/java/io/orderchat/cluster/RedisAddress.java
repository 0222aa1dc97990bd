package io.orderchat.cluster;

import java.net.URI;
import java.util.List;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterURIUtil;

/**
 * Where a node finds Redis, read from {@code orderchat.cluster.redis-url}: one Redis
 * ({@code redis://}, {@code rediss://}, Lettuce's other schemes) or a Redis Cluster by
 * some of its nodes ({@code redis-cluster://[user:password@]host:port[,host:port...]},
 * {@code rediss-cluster://} for TLS), named like Lettuce's {@code redis-sentinel://}. The
 * client learns the rest of a cluster's nodes from any one of these seeds.
 *
 * @param url the setting as given (with its password: see {@link #redacted})
 * @param nodes one URI for a single Redis, the seeds of a cluster
 * @param cluster whether it is a Redis Cluster
 */
record RedisAddress(String url, List<RedisURI> nodes, boolean cluster) {

	private static final String CLUSTER = "redis-cluster://";

	private static final String CLUSTER_TLS = "rediss-cluster://";

	static RedisAddress parse(String url) {
		String given = url.strip();
		try {
			if (given.regionMatches(true, 0, CLUSTER, 0, CLUSTER.length())) {
				return new RedisAddress(given, seeds("redis://" + given.substring(CLUSTER.length())), true);
			}
			if (given.regionMatches(true, 0, CLUSTER_TLS, 0, CLUSTER_TLS.length())) {
				return new RedisAddress(given, seeds("rediss://" + given.substring(CLUSTER_TLS.length())), true);
			}
			return new RedisAddress(given, List.of(RedisURI.create(given)), false);
		}
		catch (IllegalArgumentException ex) {
			throw RedisConnections.notAUrl(url, ex);
		}
	}

	private static List<RedisURI> seeds(String url) {
		List<RedisURI> seeds = RedisClusterURIUtil.toRedisURIs(URI.create(url));
		for (RedisURI seed : seeds) {
			if (seed.getHost() == null || seed.getHost().isBlank()) {
				throw new IllegalArgumentException("a seed node without a host");
			}
		}
		return seeds;
	}

	/** The URL without its password, for messages and logs. */
	String redacted() {
		return RedisConnections.redact(this.url);
	}

}
