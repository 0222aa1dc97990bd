package io.orderchat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.orderchat.testing.RedisCluster;
import io.orderchat.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ClusterRedisIT}'s presence, heartbeat, typing and rate limits on a Redis Cluster
 * of three masters, where a script whose keys hash to several slots fails with
 * {@code CROSSSLOT}; what a misconfigured node is told; and a shard's outage, which fails
 * commands fast and shows in health until the shard is back.
 */
class RedisClusterStateIT extends ClusterRedisIT {

	private static RedisCluster cluster;

	@BeforeAll
	static void startRedisCluster() {
		cluster = RedisCluster.start();
	}

	@AfterAll
	static void stopRedisCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Override
	String redisUrl() {
		return cluster.url();
	}

	@Test
	void theKeysOfEachScriptShareOneSlot() {
		assertThat(slot(this.keys.presence("ann"))).as("presence: a user's and a node's connections")
			.isEqualTo(slot(this.keys.nodeConnections("node-a")))
			.isEqualTo(slot(this.keys.presence("bob")));
		assertThat(slot(this.keys.typingExpiries())).as("typing").isEqualTo(slot(this.keys.typingNames()));
	}

	@Test
	void aRedisUrlAtOneNodeOfARedisClusterIsRefusedWithTheUrlToUse() {
		assertThatThrownBy(() -> RedisConnections.connect(cluster.nodeUrl(0), Duration.ofSeconds(5)))
			.isInstanceOf(ClusterStartupException.class)
			.hasMessageContaining("is a node of a Redis Cluster")
			.extracting((ex) -> ((ClusterStartupException) ex).action())
			.asString()
			.contains("REDIS_URL to redis-cluster://");
	}

	@Test
	void aClusterUrlAtARedisWithoutClusterSupportIsRefused() {
		assertThatThrownBy(() -> RedisConnections.connect("redis-cluster://127.0.0.1:6379", Duration.ofSeconds(5)))
			.isInstanceOf(ClusterStartupException.class)
			.hasMessageContaining("runs without cluster support");
	}

	@Test
	void aClusterWhoseSeedsDoNotAnswerFailsTheStartSayingSo() {
		String url = "redis-cluster://127.0.0.1:" + ServerProcess.freePort() + ",127.0.0.1:" + ServerProcess.freePort();
		assertThatThrownBy(() -> RedisConnections.connect(url, Duration.ofSeconds(2)))
			.isInstanceOf(ClusterStartupException.class)
			.hasMessageContaining(
					"Cluster mode is configured (orderchat.cluster.redis-url=" + url + ") but Redis did not answer");
		assertThatThrownBy(() -> RedisAddress.parse("redis-cluster://")).isInstanceOf(ClusterStartupException.class)
			.hasMessageContaining("is not a Redis URL");
	}

	@Test
	void aShardThatGoesDownFailsItsCommandsFastShowsInHealthAndPresenceIsWrittenBackWhenItReturns() {
		try (RedisCluster own = RedisCluster.start();
				RedisConnections redis = RedisConnections.connect(own.url(), Duration.ofSeconds(5))) {
			Keys keys = new Keys("orderchat-it:" + UUID.randomUUID() + ":");
			NodeInstance node = NodeInstance.start("a");
			RedisPresence presence = new RedisPresence(redis, keys, node);
			NodeHeartbeat heartbeat = new NodeHeartbeat(redis, keys, node, presence, Duration.ofSeconds(10));
			ClusterHealth health = new ClusterHealth(redis, node);
			heartbeat.beat();
			presence.connected("ann", "a-1");
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);

			int shard = own.ownerOf(redis.sync().clusterKeyslot(keys.presence("ann")).intValue());
			own.kill(shard);
			long started = System.nanoTime();
			assertThat(presence.connected("bob", "a-2")).as("not reported while its shard is down").isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - started))
				.as("failed within the command timeout, not hanging")
				.isLessThan(RedisConnections.COMMAND_TIMEOUT.plusSeconds(1));
			assertThat(presence.stale()).isTrue();
			started = System.nanoTime();
			assertThat(presence.online(List.of("ann", "bob", "cid")))
				.as("a join's members while a shard is down: this node's own view")
				.containsExactlyInAnyOrder("ann", "bob");
			assertThat(Duration.ofNanos(System.nanoTime() - started))
				.isLessThan(RedisConnections.COMMAND_TIMEOUT.plusSeconds(1));
			awaitStatus(health, Status.DOWN);

			own.restart(shard);
			awaitStatus(health, Status.UP);
			heartbeat.beat();

			assertThat(presence.isOnline("ann")).as("the shard came back empty; the heartbeat wrote ann back").isTrue();
			assertThat(presence.isOnline("bob")).as("and bob, whose connect had failed").isTrue();
		}
	}

	private static void awaitStatus(ClusterHealth health, Status expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		Status status = health.health().getStatus();
		while (!status.equals(expected) && System.nanoTime() < deadline) {
			sleep(200);
			status = health.health().getStatus();
		}
		assertThat(status).isEqualTo(expected);
	}

	private int slot(String key) {
		return this.redisA.sync().clusterKeyslot(key).intValue();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
