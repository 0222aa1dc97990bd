package io.orderchat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.orderchat.ratelimit.Rate;
import io.orderchat.realtime.presence.Typing.Typist;
import io.orderchat.testing.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis implementations against a real Redis (the local one, {@code REDIS_URL} or
 * {@code redis://127.0.0.1:6379}), each test under a key prefix of its own, with two
 * "nodes" in this JVM that share nothing but Redis.
 */
class ClusterRedisIT {

	private static final String URL = System.getenv().getOrDefault("ORDERCHAT_IT_REDIS_URL", "redis://127.0.0.1:6379");

	/**
	 * The Redis the two nodes share: the local one here, a Redis Cluster in a subclass.
	 */
	String redisUrl() {
		return URL;
	}

	final Keys keys = new Keys("orderchat-it:" + UUID.randomUUID() + ":");

	RedisConnections redisA;

	private RedisConnections redisB;

	@BeforeEach
	void connect() {
		this.redisA = RedisConnections.connect(redisUrl(), Duration.ofSeconds(5));
		this.redisB = RedisConnections.connect(redisUrl(), Duration.ofSeconds(5));
	}

	@AfterEach
	void cleanUp() {
		List<String> left = this.redisA.sync().keys(this.keys.prefix() + "*");
		if (!left.isEmpty()) {
			this.redisA.sync().del(left.toArray(String[]::new));
		}
		this.redisA.close();
		this.redisB.close();
	}

	@Test
	void aUserIsOnlineWhileAnyDeviceOnAnyNodeIsConnectedAndTransitionsAreReportedOnce() {
		RedisPresence a = new RedisPresence(this.redisA, this.keys, NodeInstance.start("a"));
		RedisPresence b = new RedisPresence(this.redisB, this.keys, NodeInstance.start("b"));

		assertThat(a.connected("ann", "a-1")).as("first device brings ann online").isTrue();
		assertThat(b.connected("ann", "b-1")).as("second device on another node").isFalse();
		assertThat(b.isOnline("ann")).isTrue();
		assertThat(b.online(List.of("ann", "bob"))).containsExactly("ann");

		assertThat(a.disconnected("ann", "a-1")).as("a device left, one remains on b").isFalse();
		assertThat(a.isOnline("ann")).isTrue();
		assertThat(b.disconnected("ann", "b-1")).as("the last device left").isTrue();
		assertThat(a.isOnline("ann")).isFalse();
		assertThat(b.disconnected("ann", "b-1")).as("reported once").isFalse();
	}

	@Test
	void aConversationsMembersAreCountedTogetherAcrossNodes() {
		RedisPresence a = new RedisPresence(this.redisA, this.keys, NodeInstance.start("a"));
		RedisPresence b = new RedisPresence(this.redisB, this.keys, NodeInstance.start("b"));
		List<String> members = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			members.add("member-" + i);
			// every third member on a, every fourth (also) on b with two devices
			if (i % 3 == 0) {
				a.connected("member-" + i, "a-" + i);
			}
			if (i % 4 == 0) {
				b.connected("member-" + i, "b-" + i);
				b.connected("member-" + i, "b2-" + i);
			}
		}
		members.add("member-0");

		Map<String, Integer> counts = b.connections(members);
		assertThat(counts).hasSize(40);
		for (int i = 0; i < 40; i++) {
			int expected = ((i % 3 == 0) ? 1 : 0) + ((i % 4 == 0) ? 2 : 0);
			assertThat(counts).containsEntry("member-" + i, expected);
		}
		assertThat(a.online(members)).containsExactlyInAnyOrderElementsOf(
				counts.entrySet().stream().filter((count) -> count.getValue() > 0).map(Map.Entry::getKey).toList());
		assertThat(a.online(List.of())).isEmpty();
	}

	@Test
	void aNodeThatStopsHeartBeatingHasItsConnectionsExpire() throws Exception {
		NodeInstance nodeA = NodeInstance.start("a");
		RedisPresence a = new RedisPresence(this.redisA, this.keys, nodeA);
		RedisPresence b = new RedisPresence(this.redisB, this.keys, NodeInstance.start("b"));
		NodeHeartbeat heartbeatA = new NodeHeartbeat(this.redisA, this.keys, nodeA, a, Duration.ofMillis(300));
		NodeHeartbeat heartbeatB = new NodeHeartbeat(this.redisB, this.keys, NodeInstance.start("b"), b,
				Duration.ofMillis(300));
		List<String> expired = new CopyOnWriteArrayList<>();
		b.onExpired(expired::add);
		heartbeatA.beat();
		a.connected("ann", "a-1");
		a.connected("cid", "a-2");
		b.connected("cid", "b-1");

		// a dies without a word: no more beats, no disconnects
		Thread.sleep(400);
		heartbeatB.beat();

		assertThat(b.isOnline("ann")).as("ann's only connection was on the dead node").isFalse();
		assertThat(b.isOnline("cid")).as("cid is still connected through b").isTrue();
		assertThat(this.redisB.sync().zscore(this.keys.nodes(), nodeA.instance())).as("a is buried").isNull();
		assertThat(expired).as("announced offline by the node that buried a").containsExactly("ann");
	}

	@Test
	void presenceIsWrittenBackAfterRedisLostItOrMissedWrites() {
		NodeInstance nodeA = NodeInstance.start("a");
		RedisPresence a = new RedisPresence(this.redisA, this.keys, nodeA);
		NodeHeartbeat heartbeat = new NodeHeartbeat(this.redisA, this.keys, nodeA, a, Duration.ofSeconds(10));
		heartbeat.beat();
		a.connected("ann", "a-1");
		a.connected("bob", "a-2");

		// Redis restarted (it keeps nothing on disk): this cluster's keys are gone
		this.redisA.sync().del(this.redisA.sync().keys(this.keys.prefix() + "*").toArray(String[]::new));
		a.disconnected("bob", "a-2");
		assertThat(a.isOnline("ann")).isFalse();

		heartbeat.beat();

		assertThat(a.isOnline("ann")).as("written back by the next beat").isTrue();
		assertThat(a.isOnline("bob")).isFalse();
	}

	@Test
	void typingStartsAndStopsOnceForTheClusterAndExpiresOnce() throws Exception {
		RedisTyping a = new RedisTyping(this.redisA, this.keys, Duration.ofMillis(200));
		RedisTyping b = new RedisTyping(this.redisB, this.keys, Duration.ofMillis(200));
		List<Typist> expired = new CopyOnWriteArrayList<>();
		a.onExpired(expired::add);
		b.onExpired(expired::add);

		assertThat(a.start("c1", "ann", "Ann")).isTrue();
		assertThat(b.start("c1", "ann", "Ann")).as("a refresh from another device").isFalse();
		assertThat(b.stop("c1", "ann")).isTrue();
		assertThat(a.stop("c1", "ann")).isFalse();

		assertThat(b.start("c1", "bob", "Bob")).isTrue();
		Thread.sleep(300);
		Thread sweepA = Thread.startVirtualThread(a::expire);
		Thread sweepB = Thread.startVirtualThread(b::expire);
		sweepA.join();
		sweepB.join();

		assertThat(expired).containsExactly(new Typist("c1", "bob", "Bob"));
		assertThat(a.start("c1", "bob", "Bob")).as("typing again after the expiry").isTrue();
	}

	@Test
	void typingFromASocketDoesNotWaitForRedisAndIsAnsweredInOrder() {
		try (RedisServer server = RedisServer.start();
				RedisConnections node = RedisConnections.connect(server.url(), Duration.ofSeconds(5));
				RedisConnections other = RedisConnections.connect(server.url(), Duration.ofSeconds(5))) {
			RedisTyping typing = new RedisTyping(node, this.keys, Duration.ofSeconds(10));
			List<String> changes = new CopyOnWriteArrayList<>();

			other.sync().clientPause(1_500);
			long started = System.nanoTime();
			typing.start("c1", "ann", "Ann", () -> changes.add("started"));
			typing.start("c1", "ann", "Ann", () -> changes.add("started again"));
			typing.stop("c1", "ann", () -> changes.add("stopped"));
			typing.start("c1", "ann", "Ann", () -> changes.add("started"));
			assertThat(Duration.ofNanos(System.nanoTime() - started))
				.as("a socket's next command does not wait for a Redis that does not answer")
				.isLessThan(Duration.ofMillis(500));

			await().atMost(Duration.ofSeconds(10)).until(() -> changes.size() == 3);
			assertThat(changes).as("only changes, in the order they were asked for")
				.containsExactly("started", "stopped", "started");
		}
	}

	@Test
	void aRateIsSpentOnceForTheWholeCluster() {
		RedisRateLimiter a = new RedisRateLimiter(this.redisA, this.keys);
		RedisRateLimiter b = new RedisRateLimiter(this.redisB, this.keys);
		Rate rate = new Rate("messages", 3, 1, Duration.ofMinutes(1));

		assertThat(a.tryAcquire(rate, "ann").allowed()).isTrue();
		assertThat(b.tryAcquire(rate, "ann").allowed()).isTrue();
		assertThat(a.tryAcquire(rate, "ann").allowed()).isTrue();

		assertThat(b.tryAcquire(rate, "ann").allowed()).as("the burst was spent on both nodes together").isFalse();
		assertThat(b.tryAcquire(rate, "ann").retryAfter()).isPositive();
		assertThat(a.tryAcquire(rate, "bob").allowed()).as("another user's bucket").isTrue();
	}

	@Test
	void aRateFarFromItsLimitDoesNotWaitForRedisAndIsStillSpentThere() {
		try (RedisServer server = RedisServer.start();
				RedisConnections node = RedisConnections.connect(server.url(), Duration.ofSeconds(5));
				RedisConnections other = RedisConnections.connect(server.url(), Duration.ofSeconds(5))) {
			RedisRateLimiter limiter = new RedisRateLimiter(node, this.keys);
			Rate rate = new Rate("messages", 20, 1, Duration.ofMinutes(1));
			assertThat(limiter.tryAcquire(rate, "ann").allowed()).as("asks Redis: nothing known here yet").isTrue();

			other.sync().clientPause(1_500);
			long started = System.nanoTime();
			for (int i = 0; i < 9; i++) {
				assertThat(limiter.tryAcquire(rate, "ann").allowed()).isTrue();
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started))
				.as("more than half the burst left: granted without waiting for a Redis that does not answer")
				.isLessThan(Duration.ofMillis(500));

			limiter.awaitSpent();
			RedisRateLimiter anotherNode = new RedisRateLimiter(other, this.keys);
			int granted = 0;
			for (int i = 0; i < 15; i++) {
				granted += anotherNode.tryAcquire(rate, "ann").allowed() ? 1 : 0;
			}
			assertThat(granted).as("the 10 granted ahead were spent in Redis all the same").isEqualTo(10);
		}
	}

}
