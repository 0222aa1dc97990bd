package io.orderchat.cluster;

import io.lettuce.core.RedisException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code cluster} in {@code /actuator/health}: DOWN while Redis does not answer (a Redis
 * Cluster: while it does not serve every slot). Not part of readiness: a node without
 * Redis still serves its own clients (local delivery, storing messages), so a load
 * balancer should keep sending it traffic.
 */
final class ClusterHealth implements HealthIndicator {

	private final RedisConnections redis;

	private final NodeInstance node;

	ClusterHealth(RedisConnections redis, NodeInstance node) {
		this.redis = redis;
		this.node = node;
	}

	@Override
	public Health health() {
		Health.Builder health;
		try {
			this.redis.check();
			health = Health.up();
		}
		catch (RedisException ex) {
			health = Health.down().withDetail("redis", ex.getMessage());
		}
		return health.withDetail("node", this.node.instance())
			.withDetail("redisMode", this.redis.cluster() ? "cluster" : "standalone")
			.build();
	}

}
