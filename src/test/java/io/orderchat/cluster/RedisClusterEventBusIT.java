package io.orderchat.cluster;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.testing.RedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisEventBusIT}'s two nodes on a Redis Cluster of three masters: sharded
 * channels live on different shards, each subscribed where its slot is, and a channel
 * whose slot moves is followed to its new shard.
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

	private int slot(String key) {
		return this.redisA.sync().clusterKeyslot(key).intValue();
	}

}
