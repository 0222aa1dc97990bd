package io.orderchat.realtime.gateway;

import io.orderchat.realtime.events.ChatEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Membership;
import io.orderchat.identity.Role;
import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.pipeline.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the members of a user's conversations that the user came online or went offline.
 * Off the socket's thread and in batches: the changes queue up, and one thread looks up
 * the conversations of every user waiting with a single query, then delivers the changes
 * in the order they happened. A connect storm therefore costs a query per batch rather
 * than a transaction per connection, and a user in no conversation costs nothing more.
 * Under load a change may go out up to {@link #GATHER} later.
 */
final class PresenceAnnouncements implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PresenceAnnouncements.class);

	/** Users looked up in one query (its IN list). */
	static final int MAX_BATCH = 500;

	/**
	 * How long a change waits for others when more are queued behind it: a storm then
	 * costs one query per this much time, while a change alone goes out at once.
	 */
	static final Duration GATHER = Duration.ofMillis(10);

	private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();

	private final Membership membership;

	private final EventBus bus;

	private final Thread announcer;

	PresenceAnnouncements(Membership membership, EventBus bus) {
		this.membership = membership;
		this.bus = bus;
		this.announcer = Thread.ofVirtual().name("presence-announcements").start(this::announceUntilClosed);
	}

	void announce(String userId, boolean online) {
		this.changes.add(new Change(userId, online));
	}

	@Override
	public void close() {
		this.announcer.interrupt();
	}

	private void announceUntilClosed() {
		List<Change> batch = new ArrayList<>();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				batch.add(this.changes.take());
				if (!this.changes.isEmpty()) {
					Thread.sleep(GATHER);
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			this.changes.drainTo(batch, MAX_BATCH - 1);
			try {
				deliver(batch);
			}
			catch (RuntimeException ex) {
				log.warn("Could not announce {} presence changes: {}", batch.size(), ex.getMessage());
			}
			batch.clear();
		}
	}

	private void deliver(List<Change> batch) {
		Set<String> userIds = new LinkedHashSet<>();
		batch.forEach((change) -> userIds.add(change.userId()));
		Map<String, List<ConversationId>> conversationsOf = this.membership.conversationsOf(userIds);
		// a user in no conversation shares none: a batch of only such users (a storm of
		// newcomers) costs one query, not two
		Map<String, Set<String>> counterpartsOf = this.membership.counterpartsOf(conversationsOf.keySet());
		for (Change change : batch) {
			List<String> ids = conversationsOf.getOrDefault(change.userId(), List.of())
				.stream()
				.map(ConversationId::toString)
				.toList();
			if (!ids.isEmpty()) {
				this.bus.publish(new Delivery(Audience.conversations(ids),
						new ChatEvent.PresenceChanged(change.userId(), change.online())));
			}
			this.bus.publish(new Delivery(counterparts(ids, counterpartsOf.getOrDefault(change.userId(), Set.of())),
					new ChatEvent.CounterpartPresence(change.userId(), change.online())));
		}
	}

	/**
	 * The sockets in the user's conversations, those of the users who share an order or
	 * dispute with them, and admins' (each socket once).
	 */
	private static Audience counterparts(List<String> conversationIds, Set<String> counterparts) {
		List<Audience.Target> to = new ArrayList<>();
		conversationIds.forEach((id) -> to.add(new Audience.Conversation(id)));
		counterparts.forEach((userId) -> to.add(new Audience.User(userId)));
		to.add(new Audience.Staff(Role.ADMIN));
		return new Audience(to, List.of());
	}

	private record Change(String userId, boolean online) {
	}

}
