package io.orderchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.HdrHistogram.Recorder;

/**
 * Many Socket.IO clients of one server, spread over the event loops. Opens them with a bound on
 * handshakes in flight (a connect storm is bounded by the client too: an unbounded burst only
 * overflows the listen backlog and measures SYN retries), and joins them to rooms. The first
 * ack-requested emit of each client is its join, so ack id 0 is the join's answer. A join the
 * server answers UNAVAILABLE (its database pool busy under a storm: a transient refusal) is sent
 * again after a growing pause; the retries are counted for the report, not hidden.
 */
final class Fleet implements AutoCloseable {

	private final List<EventLoop> loops;

	private final Target target;

	private final SioClient.Handler handler;

	private final List<SioClient> clients = new ArrayList<>();

	private final AtomicInteger failures = new AtomicInteger();

	private final AtomicInteger dropped = new AtomicInteger();

	private final AtomicReference<String> firstError = new AtomicReference<>();

	private final Recorder connectMicros = new Recorder(3);

	private static final int JOIN_ATTEMPTS = 8;

	private static final long FIRST_BACK_OFF_MILLIS = 50;

	private final AtomicInteger joinRetries = new AtomicInteger();

	private final ScheduledExecutorService backOff = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "join-back-off");
		thread.setDaemon(true);
		return thread;
	});

	private volatile CompletableFuture<?>[] joins = new CompletableFuture<?>[0];

	private volatile String[] joinJson = new String[0];

	private volatile int[] joinAttempts = new int[0];

	private Semaphore inFlight;

	private CountDownLatch pending;

	Fleet(List<EventLoop> loops, Target target, SioClient.Handler handler) {
		this.loops = loops;
		this.target = target;
		this.handler = handler;
	}

	List<SioClient> clients() {
		return this.clients;
	}

	int failures() {
		return this.failures.get();
	}

	/** Connections the server closed after they had connected. */
	int dropped() {
		return this.dropped.get();
	}

	/** Joins sent again after a transient UNAVAILABLE answer. */
	int joinRetries() {
		return this.joinRetries.get();
	}

	String firstError() {
		return this.firstError.get();
	}

	Recorder connectMicros() {
		return this.connectMicros;
	}

	/**
	 * Opens {@code count} more clients, at most {@code maxInFlight} handshakes at a time, and
	 * waits until each has connected or failed. Answers the wall time it took, in nanoseconds.
	 */
	long connect(int count, IntFunction<String> auth, int maxInFlight, Duration timeout)
			throws IOException, InterruptedException {
		this.inFlight = new Semaphore(maxInFlight);
		this.pending = new CountDownLatch(count);
		int base = this.clients.size();
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		for (int i = 0; i < count; i++) {
			if (!this.inFlight.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				throw new IOException("connecting timed out after " + i + " of " + count + " (" + firstError() + ")");
			}
			int index = base + i;
			EventLoop loop = this.loops.get(index % this.loops.size());
			this.clients.add(SioClient.connect(loop, this.target.address(index), index, auth.apply(index), new Tracking()));
		}
		if (!this.pending.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
			throw new IOException("connecting timed out: " + this.pending.getCount() + " of " + count
					+ " still pending (" + firstError() + ")");
		}
		return System.nanoTime() - started;
	}

	/** Joins each client to its room and waits for every ack; refused joins throw. */
	void join(IntFunction<String> roomOf, int maxInFlight, Duration timeout) throws IOException, InterruptedException {
		CompletableFuture<?>[] futures = new CompletableFuture<?>[this.clients.size()];
		for (int i = 0; i < futures.length; i++) {
			futures[i] = new CompletableFuture<>();
		}
		this.joinJson = new String[futures.length];
		this.joinAttempts = new int[futures.length];
		this.joins = futures;
		Semaphore window = new Semaphore(maxInFlight);
		long deadline = System.nanoTime() + timeout.toNanos();
		for (SioClient client : this.clients) {
			if (!window.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				throw new IOException("joining timed out");
			}
			futures[client.index()].whenComplete((ok, error) -> window.release());
			String json = this.target.joinJson(roomOf.apply(client.index()));
			this.joinJson[client.index()] = json;
			client.emitWithAck(json);
		}
		try {
			CompletableFuture.allOf(futures).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IOException("joining failed: " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		for (SioClient client : this.clients) {
			client.close();
		}
		this.clients.clear();
		this.backOff.shutdownNow();
	}

	/**
	 * Sends a join the server refused as UNAVAILABLE again, with the same ack id, after 50 ms,
	 * 100 ms, ... up to {@value #JOIN_ATTEMPTS} attempts; answers false when it gives up.
	 */
	private boolean retryJoin(SioClient client, String answer) {
		int index = client.index();
		if (!answer.contains("UNAVAILABLE") || this.joinAttempts[index] + 1 >= JOIN_ATTEMPTS) {
			return false;
		}
		int attempt = ++this.joinAttempts[index];
		this.joinRetries.incrementAndGet();
		long pause = Math.min(FIRST_BACK_OFF_MILLIS << (attempt - 1), 3_000);
		this.backOff.schedule(() -> client.emitWithAck(0, this.joinJson[index]), pause, TimeUnit.MILLISECONDS);
		return true;
	}

	private void error(String message) {
		this.firstError.compareAndSet(null, message);
	}

	/** Bookkeeping around the scenario's own handler. */
	private final class Tracking implements SioClient.Handler {

		private boolean settled;

		private synchronized boolean settle() {
			boolean first = !this.settled;
			this.settled = true;
			return first;
		}

		@Override
		public void onConnected(SioClient client) {
			if (settle()) {
				Fleet.this.connectMicros.recordValue((client.connectedNanos - client.startedNanos) / 1000);
				Fleet.this.inFlight.release();
				Fleet.this.pending.countDown();
			}
			Fleet.this.handler.onConnected(client);
		}

		@Override
		public void onConnectError(SioClient client, String reason) {
			error("connect_error " + reason);
			if (settle()) {
				Fleet.this.failures.incrementAndGet();
				Fleet.this.inFlight.release();
				Fleet.this.pending.countDown();
			}
		}

		@Override
		public void onClosed(SioClient client, Throwable cause) {
			if (settle()) {
				error(String.valueOf(cause));
				Fleet.this.failures.incrementAndGet();
				Fleet.this.inFlight.release();
				Fleet.this.pending.countDown();
			}
			else if (cause != null) {
				Fleet.this.dropped.incrementAndGet();
				error("dropped: " + cause);
			}
			Fleet.this.handler.onClosed(client, cause);
		}

		@Override
		public void onEvent(SioClient client, byte[] data, int offset, int length) {
			Fleet.this.handler.onEvent(client, data, offset, length);
		}

		@Override
		public void onAck(SioClient client, int id, byte[] data, int offset, int length) {
			CompletableFuture<?>[] futures = Fleet.this.joins;
			if (id == 0 && client.index() < futures.length && !futures[client.index()].isDone()) {
				if (Fleet.this.target.ackOk(data, offset, length)) {
					futures[client.index()].complete(null);
				}
				else {
					String answer = new String(data, offset, length, java.nio.charset.StandardCharsets.UTF_8);
					if (!retryJoin(client, answer)) {
						futures[client.index()].completeExceptionally(new IOException("join refused: " + answer));
					}
				}
				return;
			}
			Fleet.this.handler.onAck(client, id, data, offset, length);
		}

	}

}
