package io.orderchat.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Timestamps;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores users' messages in group commits. A send waits in a queue; one writer takes
 * every send waiting (up to {@link #MAX_BATCH}) and stores them in one transaction: the
 * conversations locked once, in id order, the rows inserted with one statement,
 * {@code last_seq} moved with one, one commit. Single-row commits top out at a few
 * thousand per second per connection; a batch keeps the same guarantees — gap-free
 * {@code seq} under the conversation's row lock, one row per client id,
 * {@link MessagePosted} published inside the storing transaction so that nothing is
 * delivered before it is committed — for a fraction of the round trips. Under light load
 * a batch is one send, so nothing waits for company.
 * <p>
 * A batch that fails as a whole (a client-id race, a lost connection) is retried one send
 * at a time through {@link MessageLog}, so one bad send never fails its neighbours; a
 * caller already inside a transaction is served by {@link MessageLog} directly, inside
 * that transaction.
 */
@Component
class GroupCommit implements DisposableBean {

	static final int MAX_BATCH = 200;

	/**
	 * Writers, each owning the conversations whose id hashes to it: a conversation's
	 * batches are stored and delivered by one thread, in seq order, while other
	 * conversations' batches go in parallel (delivery after commit runs on the writer, so
	 * one writer would serialize it all).
	 */
	static final int WRITERS = 4;

	private final List<BlockingQueue<Pending>> queues = new ArrayList<>();

	private final MessageLog log;

	private final Conversations conversations;

	private final Participants participants;

	private final Messages messages;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running = true;

	GroupCommit(MessageLog log, Conversations conversations, Participants participants, Messages messages,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		this.log = log;
		this.conversations = conversations;
		this.participants = participants;
		this.messages = messages;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		for (int i = 0; i < WRITERS; i++) {
			BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
			this.queues.add(queue);
			this.writers.add(Thread.ofPlatform().name("message-group-commit-" + i).daemon().start(() -> write(queue)));
		}
	}

	/** Stores a user's message; returns once it is committed (or refused). */
	SendResult append(Caller caller, ConversationId id, MessageType type, String content, String clientId,
			Map<String, Object> metadata) {
		if (TransactionSynchronizationManager.isActualTransactionActive() || !this.running) {
			return this.log.appendFromUser(caller, id, type, content, clientId, metadata);
		}
		Pending pending = new Pending(caller, id, type, content, clientId, metadata, new CompletableFuture<>());
		this.queues.get(Math.floorMod(id.value().hashCode(), WRITERS)).add(pending);
		try {
			// bounded: a send must not hang if the writer is gone (shutdown)
			return pending.result().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while storing a message", ex);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("storing a message timed out", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void write(BlockingQueue<Pending> queue) {
		List<Pending> batch = new ArrayList<>(MAX_BATCH);
		while (this.running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, MAX_BATCH - 1);
				store(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				batch.forEach((pending) -> pending.result().completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void store(List<Pending> batch) {
		Map<Pending, Object> outcomes;
		try {
			outcomes = this.transactions.execute((status) -> storeAll(batch));
		}
		catch (RuntimeException ex) {
			for (Pending pending : batch) {
				try {
					pending.result()
						.complete(this.log.appendFromUser(pending.caller(), pending.id(), pending.type(),
								pending.content(), pending.clientId(), pending.metadata()));
				}
				catch (RuntimeException refused) {
					pending.result().completeExceptionally(refused);
				}
			}
			return;
		}
		outcomes.forEach((pending, outcome) -> {
			if (outcome instanceof SendResult result) {
				pending.result().complete(result);
			}
			else {
				pending.result().completeExceptionally((RuntimeException) outcome);
			}
		});
	}

	/**
	 * The batch's outcomes in order: a {@link SendResult} or the refusal of each send.
	 */
	private Map<Pending, Object> storeAll(List<Pending> batch) {
		Set<ConversationId> ids = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
		batch.forEach((pending) -> ids.add(pending.id()));
		Map<ConversationId, Conversation> locked = this.conversations.lockAll(ids);
		Map<ConversationId, Set<String>> members = this.participants.activeUserIds(locked.keySet());
		Map<ConversationId, Long> lastSeqs = new LinkedHashMap<>();
		Map<String, Message> sentInBatch = new HashMap<>();
		Map<Pending, Object> outcomes = new LinkedHashMap<>();
		List<Message> stored = new ArrayList<>();
		Instant now = Timestamps.now(this.clock);
		for (Pending pending : batch) {
			Conversation conversation = locked.get(pending.id());
			if (conversation == null) {
				outcomes.put(pending, DomainException.notFound("No conversation '" + pending.id() + "'"));
				continue;
			}
			Caller caller = pending.caller();
			boolean participant = members.get(pending.id()).contains(caller.userId());
			if (!AccessPolicy.mayAccess(caller, conversation.kind(), participant)) {
				outcomes.put(pending, DomainException.forbidden("You are not a participant of this conversation"));
				continue;
			}
			String key = pending.id() + "\n" + caller.userId() + "\n" + pending.clientId();
			if (pending.clientId() != null) {
				Message earlier = sentInBatch.get(key);
				if (earlier == null) {
					earlier = this.messages.findByClientId(pending.id(), caller.userId(), pending.clientId())
						.orElse(null);
				}
				if (earlier != null) {
					outcomes.put(pending, new SendResult(earlier, true));
					continue;
				}
			}
			long seq = lastSeqs.getOrDefault(pending.id(), conversation.lastSeq()) + 1;
			lastSeqs.put(pending.id(), seq);
			Message message = new Message(UUID.randomUUID(), pending.id(), seq, pending.type(), pending.content(),
					caller.userId(), caller.name(), caller.role(), pending.clientId(), (pending.metadata() != null)
							? Collections.unmodifiableMap(new LinkedHashMap<>(pending.metadata())) : null,
					now, null);
			if (pending.clientId() != null) {
				sentInBatch.put(key, message);
			}
			stored.add(message);
			outcomes.put(pending, new SendResult(message, false));
		}
		if (!stored.isEmpty()) {
			this.messages.insertAll(stored);
			this.conversations.advanceAll(lastSeqs, now);
			for (Message message : stored) {
				this.events.publishEvent(new MessagePosted(message, Set.copyOf(members.get(message.conversationId()))));
			}
		}
		return outcomes;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		for (Thread writer : this.writers) {
			writer.join(5000);
		}
	}

	private record Pending(Caller caller, ConversationId id, MessageType type, String content, String clientId,
			Map<String, Object> metadata, CompletableFuture<SendResult> result) {

		// identity, not value, equality: two identical resends are two sends
		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
