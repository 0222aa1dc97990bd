package io.orderchat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.orderchat.realtime.presence.Typing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typing shared by the cluster: a sorted set of typists scored by their expiry (Redis'
 * clock) and their names beside it, both under one hash tag. Starts and stops are
 * reported once for the cluster whichever node they come through. Every node sweeps the
 * expired typists with one atomic script ({@link #expire()}, every second); a typist is
 * taken out by exactly one sweep, so its expiry is reported once. While Redis is down
 * typing is not shown (it is an ephemeral hint, never stored).
 */
final class RedisTyping implements Typing {

	private static final Logger log = LoggerFactory.getLogger(RedisTyping.class);

	private static final String NOW = """
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
			""";

	private static final String START = NOW + """
			local new = redis.call('ZSCORE', KEYS[1], ARGV[1]) == false
			redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
			redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
			if new then return 1 else return 0 end
			""";

	private static final String STOP = """
			redis.call('HDEL', KEYS[2], ARGV[1])
			return redis.call('ZREM', KEYS[1], ARGV[1])
			""";

	/** Takes out up to 500 expired typists; answers member, name, member, name... */
	private static final String EXPIRE = NOW + """
			local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 500)
			local out = {}
			for _, member in ipairs(due) do
			  redis.call('ZREM', KEYS[1], member)
			  out[#out + 1] = member
			  out[#out + 1] = redis.call('HGET', KEYS[2], member) or ''
			  redis.call('HDEL', KEYS[2], member)
			end
			return out
			""";

	/** Between conversation id (which never holds it) and user id in a member. */
	private static final char SEPARATOR = '|';

	private final RedisConnections redis;

	private final String[] keys;

	private final long ttlMillis;

	private final List<Consumer<Typist>> listeners = new CopyOnWriteArrayList<>();

	private volatile boolean failing;

	/** Where answers to commands sent without waiting are handled, one at a time. */
	private final Executor answers = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("typing-answers").factory());

	RedisTyping(RedisConnections redis, Keys keys, Duration ttl) {
		this.redis = redis;
		this.keys = new String[] { keys.typingExpiries(), keys.typingNames() };
		this.ttlMillis = ttl.toMillis();
	}

	@Override
	public boolean start(String conversationId, String userId, String name) {
		try {
			Long started = this.redis.sync()
				.eval(START, ScriptOutputType.INTEGER, this.keys, member(conversationId, userId), name,
						Long.toString(this.ttlMillis));
			return answered(started == 1);
		}
		catch (RedisException ex) {
			return failed(ex);
		}
	}

	@Override
	public boolean stop(String conversationId, String userId) {
		try {
			Long stopped = this.redis.sync()
				.eval(STOP, ScriptOutputType.INTEGER, this.keys, member(conversationId, userId));
			return answered(stopped == 1);
		}
		catch (RedisException ex) {
			return failed(ex);
		}
	}

	/**
	 * Sends the script without waiting; the answer is handled on a thread of its own, in
	 * the order the commands went out (one connection answers in order), never on the
	 * Redis client's event loop, as the broadcast may wait for a full delivery lane.
	 */
	@Override
	public void start(String conversationId, String userId, String name, Runnable started) {
		answerLater(() -> this.redis.async()
			.eval(START, ScriptOutputType.INTEGER, this.keys, member(conversationId, userId), name,
					Long.toString(this.ttlMillis)),
				started);
	}

	@Override
	public void stop(String conversationId, String userId, Runnable stopped) {
		answerLater(() -> this.redis.async()
			.eval(STOP, ScriptOutputType.INTEGER, this.keys, member(conversationId, userId)), stopped);
	}

	private void answerLater(Supplier<RedisFuture<Long>> command, Runnable changed) {
		RedisFuture<Long> answer;
		try {
			answer = command.get();
		}
		catch (RedisException ex) {
			failed(ex);
			return;
		}
		answer.whenCompleteAsync((result, failure) -> {
			if (failure != null) {
				failed(failure);
			}
			else if (answered(result == 1)) {
				try {
					changed.run();
				}
				catch (RuntimeException ex) {
					log.warn("Could not announce a change of typing", ex);
				}
			}
		}, this.answers);
	}

	@Override
	public void onExpired(Consumer<Typist> listener) {
		this.listeners.add(listener);
	}

	/** Reports the typists whose expiry passed and who no other node has reported. */
	void expire() {
		List<String> expired;
		try {
			expired = this.redis.sync().eval(EXPIRE, ScriptOutputType.MULTI, this.keys);
			answered(true);
		}
		catch (RedisException ex) {
			failed(ex);
			return;
		}
		for (int i = 0; i + 1 < expired.size(); i += 2) {
			String member = expired.get(i);
			int separator = member.indexOf(SEPARATOR);
			Typist typist = new Typist(member.substring(0, separator), member.substring(separator + 1),
					expired.get(i + 1));
			this.listeners.forEach((listener) -> listener.accept(typist));
		}
	}

	private static String member(String conversationId, String userId) {
		return conversationId + SEPARATOR + userId;
	}

	private boolean answered(boolean result) {
		this.failing = false;
		return result;
	}

	private boolean failed(Throwable ex) {
		if (!this.failing) {
			log.warn("Typing in Redis failed: {}; typing is not shown until Redis answers", ex.getMessage());
		}
		this.failing = true;
		return false;
	}

}
