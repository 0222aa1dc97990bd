package io.orderchat.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster mode's settings (README "Scale-out").
 *
 * @param redisUrl {@code redis://[user:password@]host:port[/db]} (or {@code rediss://}),
 * or a Redis Cluster's seeds
 * {@code redis-cluster://[user:password@]host:port[,host:port...]}
 * ({@link RedisAddress}); empty: the embedded single node
 * @param nodeId this node's name in logs and in Redis; hostname and process id when empty
 * @param keyPrefix put before every Redis key and channel, so that several clusters (or
 * test runs) can share one Redis
 * @param heartbeat how often a node tells Redis it is alive
 * @param nodeTimeout a node silent this long is dead: its connections are removed from
 * presence
 * @param connectTimeout the longest wait for Redis when connecting (at startup it fails
 * the start)
 */
@ConfigurationProperties("orderchat.cluster")
record ClusterProperties(@DefaultValue("") String redisUrl, @DefaultValue("") String nodeId,
		@DefaultValue("orderchat:") String keyPrefix, @DefaultValue("2s") Duration heartbeat,
		@DefaultValue("10s") Duration nodeTimeout, @DefaultValue("5s") Duration connectTimeout) {

	ClusterProperties {
		if (nodeTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(
					"orderchat.cluster.node-timeout must be at least twice orderchat.cluster.heartbeat");
		}
	}

}
