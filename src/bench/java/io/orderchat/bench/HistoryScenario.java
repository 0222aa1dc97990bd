package io.orderchat.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;

/**
 * (e) History over REST: {@code --clients} concurrent readers page backwards through one
 * conversation of {@code --messages} messages with {@code GET /api/conversations/{id}/messages
 * ?before=&limit=50}, each walk starting at a random point, each reader on its own kept-alive
 * connection ({@link KeepAliveGet}: the JDK's HTTP client cost the generator as much CPU as the
 * server's page). The conversation is seeded once,
 * straight into PostgreSQL with {@code generate_series} (a bench-only shortcut: storing a
 * million messages through the API would take minutes and measure the write path instead),
 * and reused by later runs. Then the same readers at {@code --offered-rate} pages per second
 * (0 leaves it out), each page timed from its scheduled moment: the closed loop saturates the
 * server, so its latency is mostly the readers' own queue.
 */
final class HistoryScenario implements Scenario {

	@Override
	public String name() {
		return "history";
	}

	@Override
	public Result run(Context context) throws Exception {
		Options options = context.options;
		int messages = options.integer("messages", 1_000_000, 500);
		int clients = options.integer("clients", 64, 4);
		int seconds = options.integer("seconds", 20, 2);
		// the readers run this long before the measured part: a freshly started server spends its first
		// seconds compiling the read path, which is not what the scenario measures
		int warmupSeconds = options.integer("warmup-seconds", 10, 1);
		int page = options.integer("page", 50, 50);
		int walk = options.integer("walk", 20, 5);
		// 0: each reader asks for its next page as soon as it has the last one (closed loop, saturation);
		// otherwise a reader pauses that long between pages, like a person scrolling
		int thinkMillis = options.integer("think-ms", 0, 0);
		Target target = context.orderChat();
		Rest rest = new Rest(target.baseUrl());
		String customer = "bh-customer-" + messages;
		String conversation = rest.registerOrder(context.tokens.sign("bench-admin", "admin"),
				"bench-history-" + messages, customer, "bh-performer-" + messages);
		long seeded = seed(context, UUID.fromString(conversation), customer, messages);
		String token = context.tokens.sign(customer, "customer");
		String path = "/api/conversations/" + conversation + "/messages?limit=" + page + "&before=";
		JsonNode probe = rest.getJson(path + (seeded / 2), token);
		int probeSize = probe.path("data").path("messages").size();
		if (probeSize != page) {
			throw new IllegalStateException("a history page held " + probeSize + " messages, expected " + page);
		}
		Result result = new Result(name());
		Readers readers = new Readers(target, path, token, seeded, clients, page, walk);
		// closed loop, the figure this scenario has always reported; the recording starts a little
		// before the measured part, so that starting it is not in it
		Phase closed = readers.run(warmupSeconds, seconds, thinkMillis, 0, () -> context.startProfile(target, name()));
		context.stopProfile(result);
		closed.into(result.row(target.name()), readers, "closed", 0, thinkMillis, warmupSeconds);
		result.figure("orderchat history page p99 (" + clients + " clients)", closed.latency().p99(), "ms", 50, true);
		// At an offered rate: a closed loop of 64 clients keeps the server saturated, so its
		// latency is mostly the queue the clients themselves make (mean = clients / rate).
		// Pages are asked for on a schedule and timed from the scheduled moment, so a page
		// that waits behind a slow one still counts its wait. By default half of what the closed
		// loop served: a rate this machine sustains, so the figure is a page's latency, not a
		// queue's (a fixed 2,000 pages/s was past a slower VM's capacity).
		int offered = options.integer("offered-rate", closed.sustainableRate(), 20);
		if (offered > 0) {
			Phase open = readers.run(Math.min(warmupSeconds, 2), seconds, 0, offered, Readers.NOTHING);
			open.into(result.row(target.name()), readers, "offered", offered, 0, Math.min(warmupSeconds, 2));
			result.figure("orderchat history page p99 at " + offered + " pages/s offered (" + clients + " clients)",
					open.latency().p99(), "ms", 50, true);
			open.noteError(result, "offered rate");
		}
		closed.noteError(result, "closed loop");
		return result;
	}

	/** The readers of one run: every phase pages through the same conversation. */
	private record Readers(Target target, String path, String token, long seeded, int clients, int page, int walk) {

		static final BeforeMeasuring NOTHING = () -> {
		};

		/**
		 * One measured phase after {@code warmupSeconds}: with {@code offeredRate} 0 each reader
		 * asks as soon as it has its last page (after {@code thinkMillis}); otherwise the
		 * readers share that many pages per second, each on its own fixed schedule, and a
		 * page's latency runs from its scheduled moment (no coordinated omission: a reader
		 * behind schedule sends at once, and its wait counts).
		 */
		Phase run(int warmupSeconds, int seconds, int thinkMillis, int offeredRate, BeforeMeasuring beforeMeasuring)
				throws InterruptedException, IOException {
			Recorder latency = new Recorder(3);
			LongAdder requests = new LongAdder();
			LongAdder errors = new LongAdder();
			AtomicReference<String> firstError = new AtomicReference<>();
			long started = System.nanoTime() + warmupSeconds * 1_000_000_000L;
			long deadline = started + seconds * 1_000_000_000L;
			long interval = (offeredRate > 0) ? this.clients * 1_000_000_000L / offeredRate : 0;
			List<Thread> readers = new ArrayList<>();
			for (int c = 0; c < this.clients; c++) {
				// readers spread over one interval, not all at its start
				long firstAt = System.nanoTime() + interval * c / this.clients;
				readers.add(Thread.ofVirtual()
					.start(() -> read(firstAt, interval, thinkMillis, started, deadline, latency, requests, errors,
							firstError)));
			}
			sleepUntil(started - 2_000_000_000L);
			beforeMeasuring.run();
			sleepUntil(started);
			long cpuBefore = ProcessProbe.cpuNanos(this.target.pid());
			long selfBefore = ProcessProbe.cpuNanos(Context.selfPid());
			for (Thread reader : readers) {
				reader.join();
			}
			long wall = System.nanoTime() - started;
			return new Phase(Latency.of(latency.getIntervalHistogram()), requests.sum(), errors.sum(), wall,
					ProcessProbe.cores(cpuBefore, ProcessProbe.cpuNanos(this.target.pid()), wall),
					ProcessProbe.cores(selfBefore, ProcessProbe.cpuNanos(Context.selfPid()), wall), firstError.get());
		}

		private void read(long firstAt, long interval, int thinkMillis, long started, long deadline, Recorder latency,
				LongAdder requests, LongAdder errors, AtomicReference<String> firstError) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			// one kept-alive connection per reader, like a browser tab's
			KeepAliveGet http = new KeepAliveGet(this.target.address());
			long next = firstAt;
			while (System.nanoTime() < deadline) {
				// a reader opens the chat somewhere and scrolls back a few pages (keyset: before = oldest seq seen)
				long before = this.page + 1 + random.nextLong(Math.max(1, this.seeded - this.page));
				for (int p = 0; p < this.walk && before > 1 && System.nanoTime() < deadline; p++) {
					long sent = System.nanoTime();
					if (interval > 0) {
						sleepUntilNanos(next);
						sent = next;
						next += interval;
					}
					// by when it went out: behind schedule, a page scheduled during the warm-up is
					// sent in the measured part, late, and its lateness belongs there
					boolean measured = System.nanoTime() >= started;
					try {
						KeepAliveGet.Response response = http.get(this.path + before, this.token);
						if (measured) {
							latency.recordValue((System.nanoTime() - sent) / 1000);
							requests.increment();
						}
						if (response.status() != 200) {
							errors.add(measured ? 1 : 0);
							firstError.compareAndSet(null, response.status() + " " + response.body());
						}
					}
					catch (Exception ex) {
						errors.add(measured ? 1 : 0);
						firstError.compareAndSet(null, ex.toString());
					}
					before -= this.page;
					if (thinkMillis > 0) {
						sleep(thinkMillis);
					}
				}
			}
			http.close();
		}

	}

	/** Done two seconds before a phase's measured part begins. */
	@FunctionalInterface
	private interface BeforeMeasuring {

		void run() throws IOException;

	}

	/** What one phase measured. */
	private record Phase(Latency latency, long requests, long errors, long wallNanos, double serverCores,
			double generatorCores, String firstError) {

		void into(Map<String, Object> row, Readers readers, String mode, int offeredRate, int thinkMillis,
				int warmupSeconds) {
			row.put("mode", mode);
			row.put("offered_pages_s", offeredRate);
			row.put("messages", readers.seeded());
			row.put("clients", readers.clients());
			row.put("page", readers.page());
			row.put("think_ms", thinkMillis);
			row.put("warmup_s", warmupSeconds);
			row.put("requests", this.requests);
			row.put("errors", this.errors);
			row.put("pages_per_s", Result.round(this.requests / (this.wallNanos / 1e9)));
			row.put("p50_ms", this.latency.p50());
			row.put("p90_ms", this.latency.p90());
			row.put("p99_ms", this.latency.p99());
			row.put("max_ms", this.latency.max());
			row.put("server_cpu_cores", Result.round(this.serverCores));
			row.put("generator_cpu_cores", Result.round(this.generatorCores));
		}

		/** Half the pages per second this phase served, in tens (at least 20). */
		int sustainableRate() {
			double pagesPerSecond = this.requests / (this.wallNanos / 1e9);
			return Math.max(20, (int) (pagesPerSecond / 2 / 10) * 10);
		}

		void noteError(Result result, String phase) {
			if (this.firstError != null) {
				result.note(phase + ": first failed request: " + this.firstError);
			}
		}

	}

	private static void sleepUntil(long nanoTime) {
		sleep((int) Math.max(0, (nanoTime - System.nanoTime()) / 1_000_000));
	}

	private static void sleepUntilNanos(long nanoTime) {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			try {
				Thread.sleep(Duration.ofNanos(wait));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void sleep(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Fills the conversation up to {@code messages}; answers its last seq. */
	private static long seed(Context context, UUID conversation, String customer, int messages) throws Exception {
		try (Connection connection = Servers.database(context.options).connect()) {
			long last = lastSeq(connection, conversation);
			long chunk = 100_000;
			for (long from = last + 1; from <= messages; from += chunk) {
				long to = Math.min(messages, from + chunk - 1);
				try (PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO messages (id, conversation_id, seq, sender_id, sender_name, sender_role, type, content, created_at) "
								+ "SELECT gen_random_uuid(), ?, g, ?, ?, 'customer', 'text', "
								+ "'history message ' || g || ' ' || repeat('x', 60), "
								+ "now() - ((? - g) * interval '1 millisecond') FROM generate_series(?, ?) g")) {
					insert.setObject(1, conversation);
					insert.setString(2, customer);
					insert.setString(3, customer);
					insert.setLong(4, messages);
					insert.setLong(5, from);
					insert.setLong(6, to);
					insert.executeUpdate();
				}
				try (PreparedStatement update = connection
					.prepareStatement("UPDATE conversations SET last_seq = ? WHERE id = ? AND last_seq < ?")) {
					update.setLong(1, to);
					update.setObject(2, conversation);
					update.setLong(3, to);
					update.executeUpdate();
				}
				System.out.println("history: seeded up to seq " + to);
			}
			try (var statement = connection.createStatement()) {
				statement.execute("ANALYZE messages");
			}
			return lastSeq(connection, conversation);
		}
	}

	private static long lastSeq(Connection connection, UUID conversation) throws Exception {
		try (PreparedStatement query = connection.prepareStatement("SELECT last_seq FROM conversations WHERE id = ?")) {
			query.setObject(1, conversation);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? rows.getLong(1) : 0;
			}
		}
	}

}
