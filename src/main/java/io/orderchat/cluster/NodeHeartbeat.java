package io.orderchat.cluster;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the cluster this node is alive and buries nodes that are not. Every beat scores
 * the node in a sorted set with Redis' own clock (so nodes' clocks need not agree); a
 * node whose score is older than the node timeout is dead, and the one node that wins its
 * removal (ZREM answers 1 once) removes its connections from presence.
 * <p>
 * A beat that finds its node missing from the set (Redis restarted and lost everything,
 * or this node was buried after a long pause) or finds presence stale after failed writes
 * writes this node's connections back.
 */
final class NodeHeartbeat {

	private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

	/**
	 * Scores the node with the clock of the Redis that holds the set (on a cluster, each
	 * shard has its own); answers that time and whether the node was missing.
	 */
	private static final String BEAT = """
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			return { now, redis.call('ZADD', KEYS[1], now, ARGV[1]) }
			""";

	private final RedisConnections redis;

	private final Keys keys;

	private final NodeInstance node;

	private final RedisPresence presence;

	private final long timeoutMillis;

	private final AtomicReference<String> lastFailure = new AtomicReference<>();

	NodeHeartbeat(RedisConnections redis, Keys keys, NodeInstance node, RedisPresence presence,
			java.time.Duration timeout) {
		this.redis = redis;
		this.keys = keys;
		this.node = node;
		this.presence = presence;
		this.timeoutMillis = timeout.toMillis();
	}

	/** One beat: announce, write back what was lost, bury the dead. */
	void beat() {
		try {
			List<Long> beat = this.redis.sync()
				.eval(BEAT, ScriptOutputType.MULTI, new String[] { this.keys.nodes() }, this.node.instance());
			long now = beat.get(0);
			boolean added = beat.get(1) == 1;
			if (this.lastFailure.getAndSet(null) != null) {
				log.info("Redis answers again");
			}
			if (added || this.presence.stale()) {
				this.presence.resync();
			}
			List<String> dead = this.redis.sync()
				.zrangebyscore(this.keys.nodes(),
						Range.create(Double.NEGATIVE_INFINITY, (double) now - this.timeoutMillis));
			for (String instance : dead) {
				if (this.redis.sync().zrem(this.keys.nodes(), instance) == 1) {
					List<String> offline = this.presence.removeInstance(instance, true);
					log.warn("Node {} stopped heart-beating; its connections were removed ({} users went offline)",
							instance, offline.size());
				}
			}
		}
		catch (RedisException ex) {
			if (this.lastFailure.getAndSet(ex.getMessage()) == null) {
				log.warn(
						"Redis does not answer: {}; local delivery goes on, the cluster's state catches up when it is back",
						ex.getMessage());
			}
		}
		catch (RuntimeException ex) {
			log.error("Heartbeat failed", ex);
		}
	}

	/**
	 * Leaves the cluster on an orderly stop: other nodes need not wait for the timeout.
	 */
	void leave() {
		try {
			this.redis.sync().zrem(this.keys.nodes(), this.node.instance());
			// its sockets were closed already, each announced; this removes what a failed
			// write left
			this.presence.removeInstance(this.node.instance(), false);
		}
		catch (RedisException ex) {
			log.warn("Could not leave the cluster cleanly ({}); other nodes remove this one after the node timeout",
					ex.getMessage());
		}
	}

	/** The last Redis failure since it last answered, or {@code null}. */
	String lastFailure() {
		return this.lastFailure.get();
	}

}
