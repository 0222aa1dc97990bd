package io.orderchat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * A cluster of OrderChat nodes in processes of their own for multi-node tests: N nodes of
 * the built jar on fixed free ports sharing one fresh PostgreSQL database, a Redis of the
 * test's own ({@link RedisServer}, so a test can restart it) and one upload directory,
 * behind HAProxy with the shipped configuration (or, {@link #onRedisCluster}, a Redis
 * Cluster of the test's own). A node can be killed with {@code kill -9}, stopped with
 * SIGTERM and started again on its port, where HAProxy finds it again.
 */
public final class TestCluster implements AutoCloseable {

	/** The download links' secret every node shares. */
	public static final String SIGNING_SECRET = "cluster-tests-download-link-secret-0123456789";

	private final ServerProcess.Options options;

	private final List<Integer> ports;

	private final ServerProcess[] nodes;

	/** The Redis the nodes share: a {@link RedisServer} or a {@link RedisCluster}. */
	private final AutoCloseable redis;

	private final Haproxy haproxy;

	private TestCluster(ServerProcess.Options options, List<Integer> ports, ServerProcess[] nodes, AutoCloseable redis,
			Haproxy haproxy) {
		this.options = options;
		this.ports = ports;
		this.nodes = nodes;
		this.redis = redis;
		this.haproxy = haproxy;
	}

	/**
	 * Starts {@code size} nodes (in parallel) with {@link ServerProcess#options} plus
	 * {@code customize}'s settings, then HAProxy.
	 */
	public static TestCluster start(int size, java.util.function.Consumer<ServerProcess.Options> customize) {
		RedisServer redis = RedisServer.start();
		return start(size, customize, redis.url(), redis);
	}

	/** As {@link #start}, with the nodes on a Redis Cluster of three masters. */
	public static TestCluster onRedisCluster(int size, java.util.function.Consumer<ServerProcess.Options> customize) {
		RedisCluster redis = RedisCluster.start();
		return start(size, customize, redis.url(), redis);
	}

	private static TestCluster start(int size, java.util.function.Consumer<ServerProcess.Options> customize,
			String redisUrl, AutoCloseable redis) {
		Path uploads;
		try {
			uploads = Files.createTempDirectory("orderchat-cluster-uploads");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ServerProcess.Options options = ServerProcess.options("cluster", TestDatabase.freshPostgres())
			.env("REDIS_URL", redisUrl)
			.env("UPLOAD_SIGNING_SECRET", SIGNING_SECRET)
			.env("UPLOAD_DIR", uploads.toString())
			// C1 only: startup time is the cost of these tests, not peak speed
			.javaOptions("-Xmx384m", "-XX:TieredStopAtLevel=1")
			.arguments("--orderchat.cluster.key-prefix=it-" + UUID.randomUUID().toString().substring(0, 8) + ":",
					"--orderchat.cluster.heartbeat=500ms", "--orderchat.cluster.node-timeout=3s");
		customize.accept(options);
		List<Integer> ports = IntStream.range(0, size).mapToObj((i) -> ServerProcess.freePort()).toList();
		ServerProcess[] nodes = new ServerProcess[size];
		try {
			List<CompletableFuture<Void>> starts = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				int index = i;
				starts.add(CompletableFuture
					.runAsync(() -> nodes[index] = ServerProcess.start(nodeOptions(options, index, ports.get(index)))));
			}
			CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
			return new TestCluster(options, ports, nodes, redis, Haproxy.start(ports));
		}
		catch (RuntimeException ex) {
			for (ServerProcess node : nodes) {
				if (node != null) {
					node.close();
				}
			}
			closeQuietly(redis);
			throw ex;
		}
	}

	private static ServerProcess.Options nodeOptions(ServerProcess.Options options, int index, int port) {
		return options.copy("node" + (index + 1)).env("NODE_ID", "node" + (index + 1)).port(port);
	}

	/** The load balancer's address: what clients use. */
	public String url() {
		return this.haproxy.url();
	}

	public int port() {
		return this.haproxy.port();
	}

	/** Node {@code index} (from 0). */
	public ServerProcess node(int index) {
		return this.nodes[index];
	}

	public int size() {
		return this.nodes.length;
	}

	/** The Redis server of a cluster made by {@link #start}. */
	public RedisServer redis() {
		return (RedisServer) this.redis;
	}

	public Haproxy haproxy() {
		return this.haproxy;
	}

	/** {@code kill -9} node {@code index}. */
	public void kill9(int index) {
		this.nodes[index].kill9();
	}

	/** Starts node {@code index} again on its port, after a kill or a stop. */
	public ServerProcess restart(int index) {
		this.nodes[index].close();
		this.nodes[index] = ServerProcess.start(nodeOptions(this.options, index, this.ports.get(index)));
		return this.nodes[index];
	}

	/** Every node's log, for failure messages. */
	public List<Path> logs() {
		List<Path> logs = new ArrayList<>();
		for (ServerProcess node : this.nodes) {
			logs.add(node.log());
		}
		logs.add(this.haproxy.log());
		return logs;
	}

	@Override
	public void close() {
		this.haproxy.close();
		for (ServerProcess node : this.nodes) {
			node.close();
		}
		closeQuietly(this.redis);
	}

	private static void closeQuietly(AutoCloseable redis) {
		try {
			redis.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
