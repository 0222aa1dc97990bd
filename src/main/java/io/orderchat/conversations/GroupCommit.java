package io.orderchat.conversations;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderchat.conversations.MessageLog.Outcome;
import io.orderchat.conversations.MessageLog.UserSend;
import io.orderchat.identity.Caller;
import io.orderchat.shared.DatabaseOutage;
import io.orderchat.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores users' messages in group commits. A send waits in a queue; a writer takes every
 * send waiting (up to {@link #MAX_BATCH}) and stores them with one
 * {@link MessageLog#appendAll} — one transaction, one commit — instead of one commit
 * each: single-row commits top out at a few thousand per second per connection. The
 * guarantees are {@link MessageLog}'s, which checks every send; under light load a batch
 * is one send, so nothing waits for company. A send is answered only once its batch is
 * committed and on disk (see {@link DiskSync}).
 * <p>
 * A batch that fails as a whole (a client-id race) is retried one send at a time, so one
 * bad send never fails its neighbours; a caller already inside a transaction is served by
 * {@link MessageLog} directly, inside that transaction.
 * <p>
 * Writers are supervised, so that no conversation stops accepting messages until a
 * restart: a batch's transaction is bounded by the statement timeout; a writer that
 * survives an error (even an {@link OutOfMemoryError}) answers its batch and goes on; a
 * watchdog replaces a writer that died or whose batch runs past {@code stuckAfter},
 * answers that batch {@code UNAVAILABLE} (outcome unknown: a resend with the same client
 * id stores it at most once) and aborts its connection. {@link #health()} reports it.
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

	private static final Logger logger = LoggerFactory.getLogger(GroupCommit.class);

	private final List<Writer> writers = new ArrayList<>();

	/** Replaced writers whose thread has not returned yet (hung in the driver). */
	private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();

	private final MessageLog log;

	private final TransactionTemplate transactions;

	private final DataSource dataSource;

	private final CommitWriterProperties properties;

	private final Counter restarts;

	private final Timer batchTime;

	private final DistributionSummary batchSize;

	private final ScheduledExecutorService watchdog;

	private volatile boolean running = true;

	GroupCommit(MessageLog log, PlatformTransactionManager transactionManager, DataSource dataSource,
			CommitWriterProperties properties, MeterRegistry meters) {
		this.log = log;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setTimeout((int) Math.max(1, properties.statementTimeout().toSeconds()));
		this.dataSource = dataSource;
		this.properties = properties;
		this.restarts = Counter.builder("orderchat.commit.writer.restarts")
			.description("Message commit writers replaced because they died or hung")
			.register(meters);
		this.batchTime = Timer.builder("orderchat.commit.batch")
			.description("Time to store one batch of sends: from taking it off the queue to its commit on disk")
			.publishPercentileHistogram()
			.register(meters);
		this.batchSize = DistributionSummary.builder("orderchat.commit.batch.size")
			.description("Sends stored together in one transaction")
			.register(meters);
		for (int i = 0; i < WRITERS; i++) {
			Writer writer = new Writer(i);
			this.writers.add(writer);
			writer.start();
		}
		long period = Math.max(50, properties.stuckAfter().toMillis() / 8);
		this.watchdog = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("message-group-commit-watchdog").daemon().factory());
		this.watchdog.scheduleWithFixedDelay(this::supervise, period, period, TimeUnit.MILLISECONDS);
	}

	/** Stores a user's message; returns once it is committed (or refused). */
	SendResult append(UserSend send) {
		try {
			return appendLater(send).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while storing a message", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Queues a user's message for the next batch of its conversation's writer and returns
	 * at once; the future completes once it is committed (or refused). Sends queued one
	 * after the other for one conversation are stored in that order, so a sender need not
	 * wait for one commit before queueing its next message: its messages then share a
	 * batch instead of taking one commit each.
	 */
	CompletableFuture<SendResult> appendLater(UserSend send) {
		if (TransactionSynchronizationManager.isActualTransactionActive() || !this.running) {
			try {
				return CompletableFuture.completedFuture(this.log.appendFromUser(send));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}
		Pending pending = new Pending(send, new CompletableFuture<>());
		this.writers.get(Math.floorMod(send.id().value().hashCode(), WRITERS)).queue.add(pending);
		// the watchdog answers a stuck batch; this bound is the last resort
		return pending.outcome()
			.orTimeout(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.handle((outcome, failure) -> {
				if (failure == null) {
					return outcome.orThrow();
				}
				Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
				if (cause instanceof TimeoutException) {
					throw DatabaseOutage.unavailable(true);
				}
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(cause);
			});
	}

	/** The writers' state now, for the health endpoint. */
	Health health() {
		int stuck = 0;
		for (Writer writer : this.writers) {
			if (writer.isStuck() || !writer.thread.isAlive()) {
				stuck++;
			}
		}
		this.abandoned.removeIf((thread) -> !thread.isAlive());
		return new Health(this.writers.size(), stuck, this.abandoned.size(), (long) this.restarts.count());
	}

	/** How the writers are: {@code stuck} and {@code hung} are writers not serving. */
	record Health(int writers, int stuck, int hung, long restarts) {

		boolean serving() {
			return this.stuck == 0 && this.hung == 0;
		}

	}

	private void supervise() {
		try {
			for (Writer writer : this.writers) {
				if (!this.running) {
					return;
				}
				if (!writer.thread.isAlive()) {
					replace(writer, "died");
				}
				else if (writer.isStuck()) {
					replace(writer, "has been storing one batch for more than " + this.properties.stuckAfter());
				}
			}
		}
		catch (Throwable ex) {
			// the watchdog must outlive whatever it meets
			logger.error("Supervising the message commit writers failed", ex);
		}
	}

	private void replace(Writer writer, String why) {
		Thread old = writer.thread;
		Batch batch = writer.batch.getAndSet(null);
		writer.start();
		this.restarts.increment();
		logger.error("Message commit writer {} {}; replaced it ({} sends answered UNAVAILABLE)", writer.index, why,
				(batch != null) ? batch.sends().size() : 0);
		if (batch != null) {
			DomainException unknown = DatabaseOutage.unavailable(true);
			batch.sends().forEach((pending) -> pending.outcome().completeExceptionally(unknown));
			Connection connection = batch.connection;
			if (connection != null) {
				// unblocks a thread waiting on the network; closing may block, aborting
				// must not
				Thread.ofVirtual().start(() -> abort(connection));
			}
		}
		if (old.isAlive()) {
			// not interrupted: an interrupt closes H2's file channel under its feet; the
			// aborted connection frees it, and it leaves once it sees it was replaced
			this.abandoned.add(old);
		}
	}

	private static void abort(Connection connection) {
		try {
			connection.abort(Runnable::run);
		}
		catch (Exception ex) {
			logger.warn("Could not abort the connection of a stuck commit writer: {}", ex.toString());
		}
	}

	private void write(Writer writer) {
		Thread me = Thread.currentThread();
		List<Pending> sends = new ArrayList<>(MAX_BATCH);
		while ((this.running || !writer.queue.isEmpty()) && writer.thread == me) {
			Batch batch = null;
			try {
				Pending first = writer.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				sends.add(first);
				writer.queue.drainTo(sends, MAX_BATCH - 1);
				batch = new Batch(List.copyOf(sends), System.nanoTime());
				writer.batch.set(batch);
				store(batch);
			}
			catch (InterruptedException ex) {
				// shutting down
				break;
			}
			catch (Throwable ex) {
				// even an OutOfMemoryError: the batch gets an answer, the writer goes on
				fail(sends, ex);
			}
			finally {
				if (batch != null) {
					writer.batch.compareAndSet(batch, null);
				}
				sends.clear();
			}
		}
		this.abandoned.remove(me);
	}

	private void store(Batch batch) {
		List<Outcome> outcomes;
		try {
			outcomes = inTransaction(batch, batch.sends().stream().map(Pending::send).toList());
		}
		catch (RuntimeException ex) {
			if (DatabaseOutage.isOutage(ex)) {
				// one by one would only make every send wait as long again
				fail(batch.sends(), ex);
				return;
			}
			for (Pending pending : batch.sends()) {
				try {
					pending.outcome().complete(inTransaction(batch, List.of(pending.send())).get(0));
				}
				catch (RuntimeException failed) {
					fail(List.of(pending), failed);
				}
			}
			return;
		}
		this.batchTime.record(System.nanoTime() - batch.started(), TimeUnit.NANOSECONDS);
		this.batchSize.record(batch.sends().size());
		for (int i = 0; i < batch.sends().size(); i++) {
			batch.sends().get(i).outcome().complete(outcomes.get(i));
		}
	}

	/**
	 * One transaction, bounded by the statement timeout ({@link MessageLog} makes it
	 * durable after its commit, before delivery sees it).
	 */
	private List<Outcome> inTransaction(Batch batch, List<UserSend> sends) {
		return this.transactions.execute((status) -> {
			batch.connection = DataSourceUtils.getConnection(this.dataSource);
			return this.log.appendAll(sends);
		});
	}

	/**
	 * Answers sends that failed. An outage, or an error that may have come after the
	 * commit (even an {@link OutOfMemoryError}), is {@code UNAVAILABLE}: the outcome is
	 * unknown. A refusal or another failure of the request goes to the sender as it is.
	 */
	private static void fail(List<Pending> sends, Throwable ex) {
		Throwable answer = ex;
		if (DatabaseOutage.isOutage(ex)) {
			logger.warn("Storing {} messages failed, the database is unavailable: {}", sends.size(), ex.toString());
			answer = DatabaseOutage.unavailable(true);
		}
		else if (!(ex instanceof RuntimeException)) {
			logger.error("Storing {} messages failed", sends.size(), ex);
			answer = DatabaseOutage.unavailable(true);
		}
		for (Pending pending : sends) {
			pending.outcome().completeExceptionally(answer);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		this.watchdog.shutdownNow();
		for (Writer writer : this.writers) {
			writer.thread.join(5000);
		}
	}

	/** One writer's place: its queue outlives the threads that serve it. */
	private final class Writer {

		private final int index;

		private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

		private final AtomicReference<Batch> batch = new AtomicReference<>();

		private volatile Thread thread;

		Writer(int index) {
			this.index = index;
		}

		void start() {
			Thread fresh = Thread.ofPlatform()
				.name("message-group-commit-" + this.index)
				.daemon()
				.unstarted(() -> write(this));
			this.thread = fresh;
			fresh.start();
		}

		boolean isStuck() {
			Batch current = this.batch.get();
			return current != null && Duration.ofNanos(System.nanoTime() - current.started())
				.compareTo(GroupCommit.this.properties.stuckAfter()) > 0;
		}

	}

	/** The sends a writer is storing, since when, and on which connection. */
	private static final class Batch {

		private final List<Pending> sends;

		private final long started;

		private volatile Connection connection;

		Batch(List<Pending> sends, long started) {
			this.sends = sends;
			this.started = started;
		}

		List<Pending> sends() {
			return this.sends;
		}

		long started() {
			return this.started;
		}

	}

	private record Pending(UserSend send, CompletableFuture<Outcome> outcome) {
	}

}
