package io.orderchat.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * and reused by later runs.
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
		Recorder latency = new Recorder(3);
		LongAdder requests = new LongAdder();
		LongAdder errors = new LongAdder();
		AtomicReference<String> firstError = new AtomicReference<>();
		long started = System.nanoTime() + warmupSeconds * 1_000_000_000L;
		long deadline = started + seconds * 1_000_000_000L;
		List<Thread> readers = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			readers.add(Thread.ofVirtual().start(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				// one kept-alive connection per reader, like a browser tab's
				KeepAliveGet http = new KeepAliveGet(target.address());
				while (System.nanoTime() < deadline) {
					// a reader opens the chat somewhere and scrolls back a few pages (keyset: before = oldest seq seen)
					long before = page + 1 + random.nextLong(Math.max(1, seeded - page));
					for (int p = 0; p < walk && before > 1 && System.nanoTime() < deadline; p++) {
						long sent = System.nanoTime();
						boolean measured = sent >= started;
						try {
							KeepAliveGet.Response response = http.get(path + before, token);
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
						before -= page;
						if (thinkMillis > 0) {
							sleep(thinkMillis);
						}
					}
				}
				http.close();
			}));
		}
		// the recording starts a little early, so that starting it is not in the measured part
		sleepUntil(started - 2_000_000_000L);
		context.startProfile(target, name());
		sleepUntil(started);
		long cpuBefore = ProcessProbe.cpuNanos(target.pid());
		long selfBefore = ProcessProbe.cpuNanos(Context.selfPid());
		for (Thread reader : readers) {
			reader.join();
		}
		long wall = System.nanoTime() - started;
		Result result = new Result(name());
		context.stopProfile(result);
		Latency measured = Latency.of(latency.getIntervalHistogram());
		Map<String, Object> row = result.row(target.name());
		row.put("messages", seeded);
		row.put("clients", clients);
		row.put("page", page);
		row.put("think_ms", thinkMillis);
		row.put("warmup_s", warmupSeconds);
		row.put("requests", requests.sum());
		row.put("errors", errors.sum());
		row.put("pages_per_s", Result.round(requests.sum() / (wall / 1e9)));
		row.put("p50_ms", measured.p50());
		row.put("p90_ms", measured.p90());
		row.put("p99_ms", measured.p99());
		row.put("max_ms", measured.max());
		row.put("server_cpu_cores",
				Result.round(ProcessProbe.cores(cpuBefore, ProcessProbe.cpuNanos(target.pid()), wall)));
		row.put("generator_cpu_cores",
				Result.round(ProcessProbe.cores(selfBefore, ProcessProbe.cpuNanos(Context.selfPid()), wall)));
		result.figure("orderchat history page p99 (" + clients + " clients)", measured.p99(), "ms", 50, true);
		if (firstError.get() != null) {
			result.note("first failed request: " + firstError.get());
		}
		return result;
	}

	private static void sleepUntil(long nanoTime) {
		sleep((int) Math.max(0, (nanoTime - System.nanoTime()) / 1_000_000));
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
