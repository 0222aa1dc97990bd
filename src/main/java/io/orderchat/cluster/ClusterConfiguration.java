package io.orderchat.cluster;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.ratelimit.RateLimiter;
import io.orderchat.realtime.pipeline.InProcessEventBus;
import io.orderchat.shared.ClusterMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Cluster mode's beans, in place of the single node's in-memory ones: presence, typing
 * and rate limits in Redis, the heartbeat that buries dead nodes, and the event bus
 * between the nodes (primary over the in-process bus, whose lanes it feeds).
 */
@Configuration(proxyBeanMethods = false)
@ClusterMode.Clustered
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

	/** How long a typing indicator lives without a refresh, as on a single node. */
	static final Duration TYPING_TTL = Duration.ofSeconds(10);

	/**
	 * Checks Redis and the shared settings before the database and the web server start.
	 */
	@Bean
	static RedisReachable redisReachable(Environment environment) {
		ClusterRequirements.check(environment);
		return new RedisReachable(environment);
	}

	@Bean(destroyMethod = "close")
	RedisConnections redisConnections(ClusterProperties properties) {
		RedisConnections redis = RedisConnections.connect(properties.redisUrl(), properties.connectTimeout());
		log.info("Cluster mode: node {} on {} {}", properties.nodeId(), redis.cluster() ? "Redis Cluster" : "Redis",
				RedisConnections.redact(properties.redisUrl()));
		return redis;
	}

	@Bean
	Keys clusterKeys(ClusterProperties properties) {
		return new Keys(properties.keyPrefix());
	}

	@Bean
	NodeInstance nodeInstance(ClusterProperties properties) {
		return NodeInstance.start(properties.nodeId());
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService clusterScheduler() {
		return Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cluster-timers").daemon(true).factory());
	}

	@Bean
	RedisPresence presence(RedisConnections redis, Keys keys, NodeInstance node) {
		return new RedisPresence(redis, keys, node);
	}

	@Bean(destroyMethod = "leave")
	NodeHeartbeat nodeHeartbeat(RedisConnections redis, Keys keys, NodeInstance node, RedisPresence presence,
			ClusterProperties properties, ScheduledExecutorService clusterScheduler) {
		NodeHeartbeat heartbeat = new NodeHeartbeat(redis, keys, node, presence, properties.nodeTimeout());
		heartbeat.beat();
		clusterScheduler.scheduleWithFixedDelay(heartbeat::beat, properties.heartbeat().toMillis(),
				properties.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
		return heartbeat;
	}

	@Bean
	RedisTyping typing(RedisConnections redis, Keys keys, ScheduledExecutorService clusterScheduler) {
		RedisTyping typing = new RedisTyping(redis, keys, TYPING_TTL);
		clusterScheduler.scheduleWithFixedDelay(typing::expire, 1, 1, TimeUnit.SECONDS);
		return typing;
	}

	@Bean
	RateLimiter rateLimiter(RedisConnections redis, Keys keys) {
		return new RedisRateLimiter(redis, keys);
	}

	/**
	 * The bus every relay publishes on and every node's delivery subscribes to, in front
	 * of this node's in-process lanes.
	 */
	@Bean(destroyMethod = "close")
	@Primary
	RedisEventBus clusterEventBus(RedisConnections redis, Keys keys, NodeInstance node, InProcessEventBus local,
			MeterRegistry registry) {
		return new RedisEventBus(redis, keys, node, local, registry);
	}

	@Bean
	ClusterHealth clusterHealthIndicator(RedisConnections redis, NodeInstance node) {
		return new ClusterHealth(redis, node);
	}

}
