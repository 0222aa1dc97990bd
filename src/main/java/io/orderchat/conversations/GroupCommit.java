package io.orderchat.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderchat.conversations.MessageLog.Outcome;
import io.orderchat.conversations.MessageLog.UserSend;
import io.orderchat.identity.Caller;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores users' messages in group commits. A send waits in a queue; a writer takes every
 * send waiting (up to {@link #MAX_BATCH}) and stores them with one
 * {@link MessageLog#appendAll} — one transaction, one commit — instead of one commit
 * each: single-row commits top out at a few thousand per second per connection. The
 * guarantees are {@link MessageLog}'s, which checks every send; under light load a batch
 * is one send, so nothing waits for company.
 * <p>
 * A batch that fails as a whole (a client-id race, a lost connection) is retried one send
 * at a time, so one bad send never fails its neighbours; a caller already inside a
 * transaction is served by {@link MessageLog} directly, inside that transaction.
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

	private static final long SEND_TIMEOUT_SECONDS = 60;

	private final List<BlockingQueue<Pending>> queues = new ArrayList<>();

	private final List<Thread> writers = new ArrayList<>();

	private final MessageLog log;

	private volatile boolean running = true;

	GroupCommit(MessageLog log) {
		this.log = log;
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
		Pending pending = new Pending(new UserSend(caller, id, type, content, clientId, metadata),
				new CompletableFuture<>());
		this.queues.get(Math.floorMod(id.value().hashCode(), WRITERS)).add(pending);
		try {
			// bounded: a send must not hang if the writer is gone (shutdown)
			return pending.outcome().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).orThrow();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while storing a message", ex);
		}
		catch (TimeoutException ex) {
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
				batch.forEach((pending) -> pending.outcome().completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void store(List<Pending> batch) {
		List<Outcome> outcomes;
		try {
			outcomes = this.log.appendAll(batch.stream().map(Pending::send).toList());
		}
		catch (RuntimeException ex) {
			for (Pending pending : batch) {
				try {
					pending.outcome().complete(this.log.appendAll(List.of(pending.send())).get(0));
				}
				catch (RuntimeException failed) {
					pending.outcome().completeExceptionally(failed);
				}
			}
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).outcome().complete(outcomes.get(i));
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		for (Thread writer : this.writers) {
			writer.join(5000);
		}
	}

	private record Pending(UserSend send, CompletableFuture<Outcome> outcome) {
	}

}
