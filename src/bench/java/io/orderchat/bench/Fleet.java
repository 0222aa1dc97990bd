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

	// The upgrade request of each node (client i connects to node i % nodes), built once.
	private final byte[][] upgradeRequests;

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


	Fleet(List<EventLoop> loops, Target target, SioClient.Handler handler) {
		this.loops = loops;
		this.target = target;
		this.handler = handler;
		this.upgradeRequests = new byte[target.nodes()][];
		for (int node = 0; node < this.upgradeRequests.length; node++) {
			this.upgradeRequests[node] = SioClient.upgradeRequest(target.address(node));
		}
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
	 * The loops open them themselves: the first {@code maxInFlight} spread over the loops, then
	 * each loop opens the next client where one of its handshakes settled, on its own thread.
	 * So the bound holds as before, without a wake-up of the loop and a hand-off through the
	 * main thread per connection (both were a good part of the generator's CPU in a storm).
	 */
	long connect(int count, IntFunction<String> auth, int maxInFlight, Duration timeout)
			throws IOException, InterruptedException {
		Storm storm = new Storm(this.clients.size(), count, auth);
		long started = System.nanoTime();
		int first = Math.min(maxInFlight, count);
		for (int l = 0; l < this.loops.size(); l++) {
			EventLoop loop = this.loops.get(l);
			int share = first / this.loops.size() + ((l < first % this.loops.size()) ? 1 : 0);
			loop.execute(() -> {
				for (int i = 0; i < share; i++) {
					storm.openNext(loop);
				}
			});
		}
		if (!storm.pending.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
			throw new IOException("connecting timed out: " + storm.pending.getCount() + " of " + count
					+ " still pending (" + firstError() + ")");
		}
		long wall = System.nanoTime() - started;
		for (SioClient client : storm.opened) {
			if (client != null) {
				this.clients.add(client);
			}
		}
		return wall;
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

	/**
	 * Closes every client, each on its own loop's thread (a channel closed under a loop that is
	 * reading it costs an exception there), and waits until they are closed.
	 */
	@Override
	public void close() {
		CountDownLatch closed = new CountDownLatch(this.loops.size());
		for (EventLoop loop : this.loops) {
			loop.execute(() -> {
				for (SioClient client : this.clients) {
					if (client.loop() == loop) {
						client.close();
					}
				}
				closed.countDown();
			});
		}
		try {
			if (!closed.await(30, TimeUnit.SECONDS)) {
				this.clients.forEach(SioClient::close);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.clients.forEach(SioClient::close);
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

	/** One {@link #connect} call: which clients are still to open and which are settled. */
	private final class Storm {

		final int base;

		final int count;

		final IntFunction<String> auth;

		final SioClient[] opened;

		final AtomicInteger next = new AtomicInteger();

		final CountDownLatch pending;

		Storm(int base, int count, IntFunction<String> auth) {
			this.base = base;
			this.count = count;
			this.auth = auth;
			this.opened = new SioClient[count];
			this.pending = new CountDownLatch(count);
		}

		/**
		 * Opens the next client on {@code loop}, if any is left; a client that cannot even open
		 * its socket fails, and the one after it is tried.
		 */
		void openNext(EventLoop loop) {
			for (int i = this.next.getAndIncrement(); i < this.count; i = this.next.getAndIncrement()) {
				int index = this.base + i;
				try {
					this.opened[i] = SioClient.connect(loop, Fleet.this.target.address(index),
							Fleet.this.upgradeRequests[index % Fleet.this.upgradeRequests.length], index,
							this.auth.apply(index), new Tracking(this, loop));
					return;
				}
				catch (IOException | RuntimeException ex) {
					error(String.valueOf(ex));
					Fleet.this.failures.incrementAndGet();
					this.pending.countDown();
				}
			}
		}

		/** A handshake settled (connected or failed): the next one takes its place. */
		void settled(EventLoop loop) {
			this.pending.countDown();
			if (loop.inLoop()) {
				openNext(loop);
			}
			else {
				loop.execute(() -> openNext(loop));
			}
		}

	}

	/** Bookkeeping around the scenario's own handler. */
	private final class Tracking implements SioClient.Handler {

		private final Storm storm;

		private final EventLoop loop;

		private boolean settled;

		Tracking(Storm storm, EventLoop loop) {
			this.storm = storm;
			this.loop = loop;
		}

		private synchronized boolean settle() {
			boolean first = !this.settled;
			this.settled = true;
			return first;
		}

		@Override
		public void onConnected(SioClient client) {
			if (settle()) {
				Fleet.this.connectMicros.recordValue((client.connectedNanos - client.startedNanos) / 1000);
				this.storm.settled(this.loop);
			}
			Fleet.this.handler.onConnected(client);
		}

		@Override
		public void onConnectError(SioClient client, String reason) {
			error("connect_error " + reason);
			if (settle()) {
				Fleet.this.failures.incrementAndGet();
				this.storm.settled(this.loop);
			}
		}

		@Override
		public void onClosed(SioClient client, Throwable cause) {
			if (settle()) {
				error(String.valueOf(cause));
				Fleet.this.failures.incrementAndGet();
				this.storm.settled(this.loop);
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
