package io.orderchat.cluster;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.pipeline.InProcessEventBus;
import io.orderchat.testing.RedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisEventBusIT}'s two nodes on a Redis Cluster of three masters: sharded
 * channels live on different shards, each subscribed where its slot is; a channel whose
 * slot moves is followed to its new shard, and one whose master dies to the replica that
 * replaces it.
 */
class RedisClusterEventBusIT extends RedisEventBusIT {

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
	void theBusChannelsAreSpreadOverTheShards() {
		long shards = IntStream.range(0, RedisEventBus.CHANNELS)
			.map((i) -> cluster.ownerOf(slot(this.keys.busChannel(i))))
			.distinct()
			.count();
		assertThat(shards).isEqualTo(3);
	}

	@Test
	void aChannelWhoseSlotMovesToAnotherShardStillCarriesDeliveries() throws Exception {
		BlockingQueue<String> atB = new LinkedBlockingQueue<>();
		this.busB.subscribe((delivery) -> atB.add(((ChatEvent.TypingChanged) delivery.event()).userId()));
		String conversation = "c1";
		int slot = slot(this.busA.channel(conversation));
		this.busA.publish(typing(conversation, "before"));
		assertThat(atB.poll(5, TimeUnit.SECONDS)).isEqualTo("before");

		int from = cluster.ownerOf(slot);
		cluster.moveSlot(slot, (from + 1) % 3);

		// node b's subscription at the old shard ended; it subscribes again at the new
		// one
		String heard = null;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (heard == null && System.nanoTime() < deadline) {
			this.busA.publish(typing(conversation, "after"));
			heard = atB.poll(300, TimeUnit.MILLISECONDS);
		}
		assertThat(cluster.ownerOf(slot)).isEqualTo((from + 1) % 3);
		assertThat(heard).as("heard through the slot's new shard").isEqualTo("after");
	}

	@Test
	void afterAFailoverTheChannelsOfTheDeadMastersShardCarryDeliveriesAgain() throws Exception {
		try (RedisCluster own = RedisCluster.withReplicas();
				RedisConnections redisA = RedisConnections.connect(own.url(), Duration.ofSeconds(5));
				RedisConnections redisB = RedisConnections.connect(own.url(), Duration.ofSeconds(5));
				InProcessEventBus lanesA = new InProcessEventBus(1, 16);
				InProcessEventBus lanesB = new InProcessEventBus(1, 16);
				RedisEventBus busA = new RedisEventBus(redisA, this.keys, NodeInstance.start("a"), lanesA,
						new SimpleMeterRegistry());
				RedisEventBus busB = new RedisEventBus(redisB, this.keys, NodeInstance.start("b"), lanesB,
						new SimpleMeterRegistry())) {
			BlockingQueue<String> atB = new LinkedBlockingQueue<>();
			busB.subscribe((delivery) -> atB.add(((ChatEvent.TypingChanged) delivery.event()).userId()));
			String conversation = "c1";
			busA.publish(typing(conversation, "before"));
			assertThat(atB.poll(5, TimeUnit.SECONDS)).isEqualTo("before");

			int master = own.ownerOf(slot(redisA, busA.channel(conversation)));
			own.kill(master);
			own.awaitFailover(master);

			String heard = null;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
			while (!"after".equals(heard) && System.nanoTime() < deadline) {
				busA.publish(typing(conversation, "after"));
				heard = atB.poll(300, TimeUnit.MILLISECONDS);
			}
			assertThat(heard).as("heard through the replica that took the dead master's slots").isEqualTo("after");
		}
	}

	private int slot(String key) {
		return slot(this.redisA, key);
	}

	private static int slot(RedisConnections redis, String key) {
		return redis.sync().clusterKeyslot(key).intValue();
	}

}
