package io.orderchat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.events.Subject;
import io.orderchat.realtime.pipeline.InProcessEventBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bus between two "nodes" in this JVM that share nothing but a real Redis (as
 * {@link ClusterRedisIT}), each with one delivery lane: where a delivery is sent to the
 * other nodes from, and what a node does with more than its lanes hold.
 */
class RedisEventBusIT {

	private static final String URL = System.getenv().getOrDefault("ORDERCHAT_IT_REDIS_URL", "redis://127.0.0.1:6379");

	/**
	 * The Redis the two nodes share: the local one here, a Redis Cluster in a subclass.
	 */
	String redisUrl() {
		return URL;
	}

	final Keys keys = new Keys("orderchat-it:" + UUID.randomUUID() + ":");

	private final CountDownLatch release = new CountDownLatch(1);

	RedisConnections redisA;

	private RedisConnections redisB;

	private InProcessEventBus lanesA;

	private InProcessEventBus lanesB;

	RedisEventBus busA;

	RedisEventBus busB;

	private final SimpleMeterRegistry metricsB = new SimpleMeterRegistry();

	@BeforeEach
	void connect() {
		this.redisA = RedisConnections.connect(redisUrl(), Duration.ofSeconds(5));
		this.redisB = RedisConnections.connect(redisUrl(), Duration.ofSeconds(5));
		this.lanesA = new InProcessEventBus(1, 1);
		this.lanesB = new InProcessEventBus(1, 1);
		this.busA = new RedisEventBus(this.redisA, this.keys, NodeInstance.start("a"), this.lanesA,
				new SimpleMeterRegistry());
		this.busB = new RedisEventBus(this.redisB, this.keys, NodeInstance.start("b"), this.lanesB, this.metricsB);
	}

	@AfterEach
	void close() {
		this.release.countDown();
		this.busA.close();
		this.busB.close();
		this.lanesA.close();
		this.lanesB.close();
		this.redisA.close();
		this.redisB.close();
	}

	@Test
	void aDeliveryLeavesForTheOtherNodesFromItsLaneInTheConversationsOrderNotFromThePublisher() throws Exception {
		this.lanesA.subscribe((delivery) -> awaitRelease());
		BlockingQueue<String> atB = new LinkedBlockingQueue<>();
		this.busB.subscribe((delivery) -> atB.add(((ChatEvent.TypingChanged) delivery.event()).userId()));

		this.busA.publish(typing("c1", "first"));
		assertThat(atB.poll(5, TimeUnit.SECONDS)).isEqualTo("first");
		// node a's lane is busy rendering "first": "second" waits in the lane with its
		// encoding and sending
		this.busA.publish(typing("c1", "second"));
		assertThat(atB.poll(700, TimeUnit.MILLISECONDS)).as("sent by the publisher, not by the lane").isNull();

		this.release.countDown();
		assertThat(atB.poll(5, TimeUnit.SECONDS)).isEqualTo("second");
	}

	@Test
	void aNodeWhoseLanesAreFullDropsAndCountsWhatOtherNodesSendInsteadOfStallingItsRedisClient() throws Exception {
		this.busB.subscribe((delivery) -> awaitRelease());
		int sent = 30;
		for (int i = 0; i < sent; i++) {
			this.busA.publish(typing("c1", "u" + i));
		}
		// one rendering, one waiting: the rest cannot fit, and the subscriber must go on
		// reading
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while ((count("received") < sent || count("overflow") < sent - 2) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(count("received")).isEqualTo(sent);
		// sent - 1 when the lane had not yet taken the first when the second came
		assertThat(count("overflow")).isBetween(sent - 2.0, sent - 1.0);

		this.release.countDown();
		BlockingQueue<String> atB = new LinkedBlockingQueue<>();
		this.busB.subscribe((delivery) -> atB.add(((ChatEvent.TypingChanged) delivery.event()).userId()));
		this.busA.publish(typing("c1", "after"));
		String heard;
		do {
			heard = atB.poll(5, TimeUnit.SECONDS);
		}
		while (heard != null && !heard.equals("after"));
		assertThat(heard).as("node b still hears node a").isEqualTo("after");
	}

	private double count(String outcome) {
		var counter = this.metricsB.find("orderchat.cluster.bus.messages").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private void awaitRelease() {
		try {
			this.release.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Delivery typing(String conversationId, String userId) {
		return new Delivery(new Audience(List.of(new Audience.Conversation(conversationId)), List.of()),
				new ChatEvent.TypingChanged(new Subject(conversationId, ConversationKind.ORDER, "o-" + conversationId),
						userId, userId, true));
	}

}
