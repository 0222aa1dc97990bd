package io.orderchat.realtime.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Typing state of one node. Expiry is found by {@link #expire()}, which the owner calls
 * on a schedule (a sweep every second costs nothing next to a timer per keystroke).
 */
public final class InMemoryTyping implements Typing {

	private final ConcurrentHashMap<Key, Run> runs = new ConcurrentHashMap<>();

	private final List<Consumer<Typist>> listeners = new CopyOnWriteArrayList<>();

	private final Duration ttl;

	private final Clock clock;

	public InMemoryTyping(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public boolean start(String conversationId, String userId, String name) {
		return this.runs.put(new Key(conversationId, userId),
				new Run(name, this.clock.instant().plus(this.ttl))) == null;
	}

	@Override
	public boolean stop(String conversationId, String userId) {
		return this.runs.remove(new Key(conversationId, userId)) != null;
	}

	@Override
	public void onExpired(Consumer<Typist> listener) {
		this.listeners.add(listener);
	}

	/** Stops every typist whose expiry has passed and tells the listeners. */
	public void expire() {
		Instant now = this.clock.instant();
		this.runs.forEach((key, run) -> {
			if (!run.expiry().isAfter(now) && this.runs.remove(key, run)) {
				Typist typist = new Typist(key.conversationId(), key.userId(), run.name());
				this.listeners.forEach((listener) -> listener.accept(typist));
			}
		});
	}

	private record Key(String conversationId, String userId) {
	}

	private record Run(String name, Instant expiry) {
	}

}
