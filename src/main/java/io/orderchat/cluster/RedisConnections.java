package io.orderchat.cluster;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The node's Redis client and its connections. Connecting is checked at startup (cluster
 * mode without Redis fails the start); afterwards Lettuce reconnects by itself after an
 * outage, and a command meanwhile fails after the command timeout instead of waiting —
 * callers degrade (see each user of this class).
 */
final class RedisConnections implements AutoCloseable {

	/**
	 * The longest wait for one command once started: presence must not hold up a connect.
	 */
	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

	/** Commands at most waiting for Redis on one connection. */
	static final int REQUEST_QUEUE = 100_000;

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> strings;

	private final StatefulRedisConnection<String, byte[]> bytes;

	private RedisConnections(RedisClient client, StatefulRedisConnection<String, String> strings,
			StatefulRedisConnection<String, byte[]> bytes) {
		this.client = client;
		this.strings = strings;
		this.bytes = bytes;
	}

	static RedisConnections connect(String url, Duration connectTimeout) {
		RedisURI uri;
		try {
			uri = RedisURI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw notAUrl(url, ex);
		}
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
			StatefulRedisConnection<String, byte[]> bytes = client
				.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			return new RedisConnections(client, strings, bytes);
		}
		catch (RedisException ex) {
			client.shutdown();
			throw unreachable(url, connectTimeout, ex);
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

	RedisClient client() {
		return this.client;
	}

	RedisCommands<String, String> sync() {
		return this.strings.sync();
	}

	RedisAsyncCommands<String, String> async() {
		return this.strings.async();
	}

	StatefulRedisConnection<String, byte[]> bytes() {
		return this.bytes;
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

	static ClusterStartupException notAUrl(String url, Exception ex) {
		return new ClusterStartupException("orderchat.cluster.redis-url (REDIS_URL) is not a Redis URL: " + redact(url),
				"Set REDIS_URL to redis://host:6379 (or rediss:// for TLS).", ex);
	}

	static ClusterStartupException unreachable(String url, Duration timeout, Exception ex) {
		return new ClusterStartupException(
				"Cluster mode is configured (orderchat.cluster.redis-url=" + redact(url)
						+ ") but Redis did not answer within " + timeout.toMillis() + " ms: " + rootMessage(ex),
				"Start Redis (7 or newer) at that address, or remove REDIS_URL to run the single-node "
						+ "embedded default, which needs no Redis.",
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
