package io.orderchat.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.orderchat.realtime.presence.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence shared by the cluster. A user's connections on every node are one Redis hash
 * ({@code presence:<user>}: connection → node instance), so "came online" and "went
 * offline" are decided by one atomic script each, exactly once for the cluster. Each node
 * also keeps its own connections ({@code node-connections:<instance>}) so that another
 * node can remove them when this one stops heart-beating ({@link #removeInstance}).
 * <p>
 * Redis is not trusted to be there: the node keeps its connections in memory too, a
 * failed write marks the Redis copy stale, and {@link #resync} (on the next heartbeat
 * after an outage or a Redis restart) writes the node's connections back. Meanwhile
 * transitions are not reported and {@link #isOnline} answers from this node's view.
 */
final class RedisPresence implements Presence {

	private static final Logger log = LoggerFactory.getLogger(RedisPresence.class);

	/** Adds a connection; answers the user's number of connections afterwards. */
	private static final String CONNECT = """
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
			return redis.call('HLEN', KEYS[1])
			""";

	/**
	 * Removes a connection; answers -1 when it was not there, else the connections left.
	 */
	private static final String DISCONNECT = """
			redis.call('HDEL', KEYS[2], ARGV[1])
			if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return -1 end
			return redis.call('HLEN', KEYS[1])
			""";

	private final RedisConnections redis;

	private final Keys keys;

	private final NodeInstance node;

	/** This node's connections: connection id → user id. */
	private final Map<String, String> local = new ConcurrentHashMap<>();

	private volatile boolean stale;

	private final List<Consumer<String>> expiryListeners = new CopyOnWriteArrayList<>();

	RedisPresence(RedisConnections redis, Keys keys, NodeInstance node) {
		this.redis = redis;
		this.keys = keys;
		this.node = node;
	}

	@Override
	public boolean connected(String userId, String connectionId) {
		this.local.put(connectionId, userId);
		try {
			Long count = this.redis.sync()
				.eval(CONNECT, ScriptOutputType.INTEGER,
						new String[] { this.keys.presence(userId), this.keys.nodeConnections(this.node.instance()) },
						connectionId, this.node.instance(), userId);
			return count == 1;
		}
		catch (RedisException ex) {
			failed("connected", ex);
			return false;
		}
	}

	@Override
	public boolean disconnected(String userId, String connectionId) {
		this.local.remove(connectionId);
		try {
			Long left = this.redis.sync()
				.eval(DISCONNECT, ScriptOutputType.INTEGER,
						new String[] { this.keys.presence(userId), this.keys.nodeConnections(this.node.instance()) },
						connectionId);
			return left == 0;
		}
		catch (RedisException ex) {
			failed("disconnected", ex);
			return false;
		}
	}

	@Override
	public boolean isOnline(String userId) {
		try {
			return this.redis.sync().exists(this.keys.presence(userId)) > 0;
		}
		catch (RedisException ex) {
			failed("isOnline", ex);
			return this.local.containsValue(userId);
		}
	}

	/** A conversation's members on a join: one round trip for all of them (see below). */
	@Override
	public Set<String> online(Collection<String> userIds) {
		return counts("online", userIds).entrySet()
			.stream()
			.filter((count) -> count.getValue() > 0)
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Map<String, Integer> connections(Collection<String> userIds) {
		return counts("connections", userIds);
	}

	/**
	 * Each user's connections in the cluster: every {@code HLEN} is sent before the first
	 * answer is awaited (Lettuce pipelines them on the connection, or on each shard's in
	 * a Redis Cluster), so a conversation's members cost one round trip, not one each. A
	 * user's hash is deleted with its last field, so a count above zero is "online".
	 * Without Redis: this node's own connections.
	 */
	private Map<String, Integer> counts(String operation, Collection<String> userIds) {
		Map<String, RedisFuture<Long>> asked = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		try {
			for (String userId : userIds) {
				asked.computeIfAbsent(userId, (user) -> this.redis.async().hlen(this.keys.presence(user)));
			}
			for (Map.Entry<String, RedisFuture<Long>> answer : asked.entrySet()) {
				long count = LettuceFutures.awaitOrCancel(answer.getValue(),
						RedisConnections.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				counts.put(answer.getKey(), Math.toIntExact(count));
			}
		}
		catch (RedisException ex) {
			failed(operation, ex);
			asked.values().forEach((pending) -> pending.cancel(false));
			counts.clear();
			for (String userId : userIds) {
				counts.put(userId, (int) this.local.values().stream().filter(userId::equals).count());
			}
		}
		return counts;
	}

	@Override
	public void onExpired(Consumer<String> wentOffline) {
		this.expiryListeners.add(wentOffline);
	}

	/** Whether a write failed since the last {@link #resync}. */
	boolean stale() {
		return this.stale;
	}

	/**
	 * Makes Redis hold exactly this node's connections again: after an outage (writes
	 * were lost) or a Redis restart (everything was).
	 */
	void resync() {
		this.stale = false;
		try {
			String mine = this.keys.nodeConnections(this.node.instance());
			Map<String, String> recorded = this.redis.sync().hgetall(mine);
			for (Map.Entry<String, String> entry : recorded.entrySet()) {
				if (!this.local.containsKey(entry.getKey())) {
					this.redis.sync()
						.eval(DISCONNECT, ScriptOutputType.INTEGER,
								new String[] { this.keys.presence(entry.getValue()), mine }, entry.getKey());
				}
			}
			for (Map.Entry<String, String> entry : this.local.entrySet()) {
				if (!recorded.containsKey(entry.getKey())) {
					this.redis.sync()
						.eval(CONNECT, ScriptOutputType.INTEGER,
								new String[] { this.keys.presence(entry.getValue()), mine }, entry.getKey(),
								this.node.instance(), entry.getValue());
				}
			}
			log.info("Presence written back to Redis: {} connections of this node", this.local.size());
		}
		catch (RedisException ex) {
			failed("resync", ex);
		}
	}

	/**
	 * Removes the connections of a node instance that stopped heart-beating; answers the
	 * users who went offline with them, and (when {@code announce}) tells the
	 * {@link #onExpired} listeners.
	 */
	List<String> removeInstance(String instance, boolean announce) {
		String connections = this.keys.nodeConnections(instance);
		List<String> offline = new ArrayList<>();
		Map<String, String> recorded = this.redis.sync().hgetall(connections);
		for (Map.Entry<String, String> entry : recorded.entrySet()) {
			Long left = this.redis.sync()
				.eval(DISCONNECT, ScriptOutputType.INTEGER,
						new String[] { this.keys.presence(entry.getValue()), connections }, entry.getKey());
			if (left == 0) {
				offline.add(entry.getValue());
			}
		}
		this.redis.sync().del(connections);
		for (String userId : announce ? offline : List.<String>of()) {
			this.expiryListeners.forEach((listener) -> listener.accept(userId));
		}
		return offline;
	}

	private void failed(String operation, RedisException ex) {
		if (!this.stale) {
			log.warn("Presence in Redis failed ({}): {}; this node's connections are written back when Redis answers",
					operation, ex.getMessage());
		}
		this.stale = true;
	}

}
