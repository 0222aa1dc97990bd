package io.orderchat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import reactor.core.Disposable;

/**
 * The node's Redis client and its connections, to one Redis or to a Redis Cluster
 * ({@link RedisAddress}). Users see the commands both have in common (Lettuce's
 * {@code RedisClusterCommands}, which a single Redis's commands extend); on a cluster
 * Lettuce sends each command to the node that owns its key's slot, so every command and
 * script must touch keys of one slot ({@link Keys}).
 * <p>
 * Connecting is checked at startup (cluster mode without Redis fails the start);
 * afterwards Lettuce reconnects by itself after an outage, and a command meanwhile fails
 * after the command timeout instead of waiting — callers degrade (see each user of this
 * class). A cluster's topology is refreshed periodically and whenever Redis redirects a
 * command or a node's connection drops, so a failover or resharding is followed.
 */
final class RedisConnections implements AutoCloseable {

	/**
	 * The longest wait for one command once started: presence must not hold up a connect.
	 */
	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

	/** Commands at most waiting for Redis on one connection. */
	static final int REQUEST_QUEUE = 100_000;

	/**
	 * A cluster's slot map is asked for at least this often, besides adaptive refreshes.
	 */
	static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);

	private final AbstractRedisClient client;

	private final StatefulConnection<String, String> strings;

	private final RedisClusterCommands<String, String> sync;

	private final RedisClusterAsyncCommands<String, String> async;

	private final StatefulConnection<String, byte[]> bytes;

	private final Supplier<StatefulRedisPubSubConnection<String, String>> pubSub;

	private final boolean cluster;

	private RedisConnections(AbstractRedisClient client, StatefulRedisConnection<String, String> strings,
			StatefulRedisConnection<String, byte[]> bytes,
			Supplier<StatefulRedisPubSubConnection<String, String>> pubSub) {
		this.client = client;
		this.strings = strings;
		this.sync = strings.sync();
		this.async = strings.async();
		this.bytes = bytes;
		this.pubSub = pubSub;
		this.cluster = false;
	}

	private RedisConnections(RedisClusterClient client, StatefulRedisClusterConnection<String, String> strings,
			StatefulRedisClusterConnection<String, byte[]> bytes) {
		this.client = client;
		this.strings = strings;
		this.sync = strings.sync();
		this.async = strings.async();
		this.bytes = bytes;
		this.pubSub = client::connectPubSub;
		this.cluster = true;
	}

	static RedisConnections connect(String url, Duration connectTimeout) {
		RedisAddress address = RedisAddress.parse(url);
		return address.cluster() ? connectCluster(address, connectTimeout) : connectSingle(address, connectTimeout);
	}

	private static RedisConnections connectSingle(RedisAddress address, Duration connectTimeout) {
		RedisURI uri = address.nodes().getFirst();
		uri.setTimeout(COMMAND_TIMEOUT);
		RedisClient client = RedisClient.create(uri);
		client.setOptions(ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
			// while disconnected, commands fail at once rather than queue up behind an
			// outage
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
			// a Redis that does not keep up makes publishing fail rather than fill the
			// heap
			.requestQueueSize(REQUEST_QUEUE)
			.build());
		try {
			StatefulRedisConnection<String, String> strings = client.connect();
			untilAnswered(() -> strings.sync().ping(), connectTimeout);
			if (strings.sync().info("cluster").contains("cluster_enabled:1")) {
				strings.close();
				client.shutdown();
				throw aClusterNode(address);
			}
			StatefulRedisConnection<String, byte[]> bytes = client
				.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			return new RedisConnections(client, strings, bytes, client::connectPubSub);
		}
		catch (RedisException ex) {
			client.shutdown();
			throw unreachable(address.url(), connectTimeout, ex);
		}
	}

	private static RedisConnections connectCluster(RedisAddress address, Duration connectTimeout) {
		List<RedisURI> seeds = address.nodes();
		seeds.forEach((seed) -> seed.setTimeout(COMMAND_TIMEOUT));
		RedisClusterClient client = RedisClusterClient.create(seeds);
		client.setOptions(ClusterClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
			.requestQueueSize(REQUEST_QUEUE)
			// follows failovers and resharding: MOVED/ASK redirects, dropped node
			// connections and a periodic look at the slot map
			.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
				.enablePeriodicRefresh(TOPOLOGY_REFRESH)
				.enableAllAdaptiveRefreshTriggers()
				.build())
			.build());
		try {
			StatefulRedisClusterConnection<String, String> strings = client.connect();
			untilAnswered(() -> requireServing(strings.sync()), connectTimeout);
			StatefulRedisClusterConnection<String, byte[]> bytes = client
				.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			return new RedisConnections(client, strings, bytes);
		}
		catch (RedisException ex) {
			client.shutdown();
			if (rootMessage(ex).contains("cluster support disabled")) {
				throw notACluster(address, ex);
			}
			throw unreachable(address.url(), connectTimeout, ex);
		}
	}

	/**
	 * Runs a startup command until Redis answers or the time is up: a connection may drop
	 * right after connecting (a loaded machine, a Redis restarting) and come back by
	 * itself.
	 */
	static void untilAnswered(Runnable command, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try {
				command.run();
				return;
			}
			catch (RedisException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RedisException("interrupted while connecting", ex);
			}
		}
	}

	/** Commands on the connection for strings (keys and values). */
	RedisClusterCommands<String, String> sync() {
		return this.sync;
	}

	RedisClusterAsyncCommands<String, String> async() {
		return this.async;
	}

	/**
	 * A connection with byte values, for Bucket4j: a
	 * {@link StatefulRedisClusterConnection} on a cluster, else a
	 * {@link StatefulRedisConnection}.
	 */
	StatefulConnection<String, byte[]> bytes() {
		return this.bytes;
	}

	/**
	 * A new connection for subscriptions; on a cluster it subscribes a sharded channel on
	 * the node that owns the channel's slot.
	 */
	StatefulRedisPubSubConnection<String, String> connectPubSub() {
		return this.pubSub.get();
	}

	boolean cluster() {
		return this.cluster;
	}

	/**
	 * Runs {@code action} on a thread of its own whenever a Redis Cluster's topology
	 * changed as Lettuce saw it (slots moved, a master failed or was replaced); never for
	 * one Redis. Closing the answer stops it.
	 */
	AutoCloseable onTopologyChange(Runnable action) {
		if (!this.cluster) {
			return () -> {
			};
		}
		Disposable watch = this.client.getResources()
			.eventBus()
			.get()
			.filter(ClusterTopologyChangedEvent.class::isInstance)
			.subscribe((event) -> Thread.ofVirtual().name("redis-topology").start(action));
		return watch::dispose;
	}

	/**
	 * Whether Redis serves commands now: it answers, and a cluster serves every slot.
	 * @throws RedisException when it does not
	 */
	void check() {
		if (this.cluster) {
			requireServing(this.sync);
		}
		else {
			this.sync.ping();
		}
	}

	boolean isOpen() {
		return this.strings.isOpen();
	}

	@Override
	public void close() {
		this.strings.close();
		this.bytes.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

	/** A cluster with a slot that no live node serves fails commands on that slot. */
	private static void requireServing(RedisClusterCommands<String, String> commands) {
		String info = commands.clusterInfo();
		if (!info.contains("cluster_state:ok")) {
			throw new RedisException("the Redis Cluster is not serving every slot (" + clusterState(info) + ")");
		}
	}

	private static String clusterState(String info) {
		return info.lines().filter((line) -> line.startsWith("cluster_state:")).findFirst().orElse(info.strip());
	}

	static ClusterStartupException notAUrl(String url, Exception ex) {
		return new ClusterStartupException(
				"orderchat.cluster.redis-url (REDIS_URL) is not a Redis URL: " + redact(url) + " (" + ex.getMessage()
						+ ")",
				"Set REDIS_URL to redis://host:6379 (or rediss:// for TLS), or to "
						+ "redis-cluster://host1:port1,host2:port2 (or rediss-cluster://) for a Redis Cluster.",
				ex);
	}

	static ClusterStartupException unreachable(String url, Duration timeout, Exception ex) {
		return new ClusterStartupException(
				"Cluster mode is configured (orderchat.cluster.redis-url=" + redact(url)
						+ ") but Redis did not answer within " + timeout.toMillis() + " ms: " + rootMessage(ex),
				"Start Redis (7 or newer) at that address, or remove REDIS_URL to run the single-node "
						+ "embedded default, which needs no Redis.",
				ex);
	}

	private static ClusterStartupException aClusterNode(RedisAddress address) {
		return new ClusterStartupException("orderchat.cluster.redis-url=" + address.redacted()
				+ " is a node of a Redis Cluster: a redis:// URL talks to that one node, which refuses the keys "
				+ "of other nodes' slots",
				"Set REDIS_URL to redis-cluster://host:port[,host:port...] (some of the "
						+ "cluster's nodes; the others are discovered).",
				null);
	}

	private static ClusterStartupException notACluster(RedisAddress address, Exception ex) {
		return new ClusterStartupException(
				"orderchat.cluster.redis-url=" + address.redacted() + " names a Redis Cluster, but Redis there runs "
						+ "without cluster support: " + rootMessage(ex),
				"Set REDIS_URL to redis://host:port for a single Redis, or point redis-cluster:// at the nodes of "
						+ "a Redis Cluster.",
				ex);
	}

	/** The URL without its password, for messages and logs. */
	static String redact(String url) {
		return url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
