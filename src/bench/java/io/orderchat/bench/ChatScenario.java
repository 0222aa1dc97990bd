package io.orderchat.bench;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;

/**
 * (b) One-to-one order chat with persistence: {@code --conversations} orders, each with its
 * customer and performer connected and joined, every member sending {@code --rate} messages/s to
 * the other through {@code message:send}; then the rate steps up ({@code --steps}, multipliers).
 * Latency is send→{@code message} event at the other member; an ack means the message is stored.
 * At the end the stored rows are counted in PostgreSQL against the acks.
 */
final class ChatScenario implements Scenario {

	@Override
	public String name() {
		return "chat";
	}

	@Override
	public Result run(Context context) throws Exception {
		Result result = new Result(name());
		measure(context, context.orderChat(), Servers.database(context.options), result);
		return result;
	}

	/**
	 * Runs the steps against one server (one node or a cluster, its conversations' two members
	 * on different nodes then) into {@code result}, figures named after the server.
	 */
	static void measure(Context context, Target target, Servers.Database database, Result result) throws Exception {
		Options options = context.options;
		int conversations = options.integer("conversations", 2_000, 5);
		double perMember = options.decimal("rate", 1.0, 2.0);
		List<Double> steps = options.decimals("steps", "1,1.5,2,2.5,3", "1");
		int stepSeconds = options.integer("step-seconds", 15, 2);
		int warmupSeconds = options.integer("warmup-seconds", 5, 1);
		int size = options.integer("payload", 100, 100);
		Rest rest = new Rest(target.baseUrl());
		String admin = context.tokens.sign("bench-admin", "admin");
		String prefix = "bench-" + context.run + ((target.nodes() > 1) ? "-n" + target.nodes() : "");
		String[] rooms = register(rest, admin, prefix, conversations);
		int members = conversations * 2;
		String[] auths = new String[members];
		for (int i = 0; i < members; i++) {
			auths[i] = context.tokens.auth(((i % 2 == 0) ? "bc-" : "bp-") + prefix + "-" + (i / 2),
					(i % 2 == 0) ? "customer" : "performer");
		}
		Handler handler = new Handler(target, members);
		try (Fleet fleet = new Fleet(context.loops, target, handler)) {
			fleet.connect(members, (i) -> auths[i], 200, Duration.ofMinutes(3));
			fleet.join((i) -> rooms[i / 2], options.integer("join-window", 500, 500), Duration.ofMinutes(3));
			List<SioClient> clients = fleet.clients();
			step(context, target, database, clients, rooms, handler, 0, members * perMember, warmupSeconds, size, null);
			context.startProfile(target, result.scenario);
			double bestRate = 0;
			double firstP99 = Double.NaN;
			for (int s = 0; s < steps.size(); s++) {
				double rate = members * perMember * steps.get(s);
				Map<String, Object> row = step(context, target, database, clients, rooms, handler, s + 1, rate,
						stepSeconds, size, result);
				double p99 = (double) row.get("deliver_p99_ms");
				if (s == 0) {
					firstP99 = p99;
				}
				if (p99 <= 10 && (long) row.get("ack_errors") == 0) {
					bestRate = Math.max(bestRate, (double) row.get("sent_msgs_s"));
				}
				if (p99 > 1000) {
					result.note("stopped stepping up at " + Result.round(rate) + " msgs/s: p99 over 1 s");
					break;
				}
			}
			context.stopProfile(result);
			if (fleet.joinRetries() > 0) {
				result.note(fleet.joinRetries() + " joins answered UNAVAILABLE and sent again");
			}
			if (fleet.dropped() > 0) {
				result.note(fleet.dropped() + " connections dropped by the server, first: " + fleet.firstError());
			}
			result.figure(target.name() + " send->deliver p99 at " + Result.round(members * perMember * steps.get(0))
					+ " msgs/s", firstP99, "ms", 10, true);
			result.figure(target.name() + " highest rate with p99 <= 10 ms and no errors", bestRate, "msgs/s");
		}
		long acked = handler.acked.sum();
		long stored = countStored(context, database, prefix);
		String of = target.name().equals("orderchat") ? "" : target.name() + ": ";
		result.figure(of + "messages acknowledged", acked, "msgs");
		if (stored >= 0) {
			result.figure(of + "messages stored in PostgreSQL", stored, "rows");
			result.figure(of + "acknowledged but not stored", Math.max(0, acked - stored), "msgs", 0, true);
		}
		if (handler.firstError.get() != null) {
			result.note(of + "first refused send: " + handler.firstError.get());
		}
	}

	private static String[] register(Rest rest, String admin, String prefix, int conversations) throws Exception {
		String[] rooms = new String[conversations];
		try (var executor = Executors.newFixedThreadPool(16)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < conversations; i++) {
				int index = i;
				futures.add(executor.submit(() -> {
					rooms[index] = rest.registerOrder(admin, prefix + "-" + index, "bc-" + prefix + "-" + index,
							"bp-" + prefix + "-" + index);
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		return rooms;
	}

	private static Map<String, Object> step(Context context, Target target, Servers.Database database,
			List<SioClient> clients, String[] rooms, Handler handler, int step, double rate, int seconds, int size,
			Result result) throws InterruptedException {
		handler.begin(step);
		long cpuBefore = target.cpuNanos();
		long busBefore = target.busCpuNanos();
		Map<Long, Long> databaseBefore = (result != null) ? database.backendCpuNanos() : Map.of();
		long selfBefore = ProcessProbe.cpuNanos(Context.selfPid());
		long started = System.nanoTime();
		int members = clients.size();
		long sent = Pacer.run(rate, seconds * 1_000_000_000L, (k) -> {
			int sender = (int) (k % members);
			long now = Marker.now();
			String json = target.sendJson(rooms[sender / 2], Marker.content(now, sender, step, size));
			SioClient client = clients.get(sender);
			int id = client.reserveAckId();
			handler.sentAt[sender][id & (Handler.RING - 1)] = now;
			client.emitWithAck(id, json);
		});
		long sendNanos = System.nanoTime() - started;
		long deadline = System.nanoTime() + 5_000_000_000L;
		while ((handler.delivered.sum() < sent || handler.stepAcks.sum() < sent) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		long wall = System.nanoTime() - started;
		if (result == null) {
			return Map.of();
		}
		Latency deliver = Latency.of(handler.deliver.getIntervalHistogram());
		Latency ack = Latency.of(handler.ack.getIntervalHistogram());
		Map<String, Object> row = result.row(target.name());
		row.put("step", step);
		row.put("target_msgs_s", Result.round(rate));
		row.put("sent_msgs_s", Result.round(sent / (sendNanos / 1e9)));
		row.put("delivered", handler.delivered.sum());
		row.put("acked", handler.stepAcks.sum());
		row.put("ack_errors", handler.stepErrors.sum());
		deliver.into(row, "deliver_");
		row.put("ack_p99_ms", ack.p99());
		long delivered = handler.delivered.sum();
		row.put("complete_pct", (sent > 0) ? Result.round(100.0 * delivered / sent) : 0.0);
		long serverCpu = target.cpuNanos() - cpuBefore;
		row.put("server_cpu_cores", Result.round(ProcessProbe.cores(0, serverCpu, wall)));
		if (target.nodes() > 1) {
			long busCpu = target.busCpuNanos() - busBefore;
			row.put("nodes", target.nodes());
			row.put("redis_cpu_cores", Result.round(ProcessProbe.cores(0, busCpu, wall)));
			serverCpu += busCpu;
		}
		row.put("cpu_us_per_delivery", (delivered > 0) ? Result.round(serverCpu / 1000.0 / delivered) : Double.NaN);
		// PostgreSQL's share of the same two vCPUs: with the server's and the generator's it
		// tells whether a step left the machine any idle time (a full machine makes a tail of
		// waits for a core)
		Map<Long, Long> databaseAfter = database.backendCpuNanos();
		if (!databaseBefore.isEmpty() && !databaseAfter.isEmpty()) {
			long databaseCpu = Servers.Database.cpuBetween(databaseBefore, databaseAfter);
			row.put("db_cpu_cores", Result.round(ProcessProbe.cores(0, databaseCpu, wall)));
			row.put("db_cpu_us_per_msg", (delivered > 0) ? Result.round(databaseCpu / 1000.0 / delivered) : Double.NaN);
		}
		row.put("generator_cpu_cores",
				Result.round(ProcessProbe.cores(selfBefore, ProcessProbe.cpuNanos(Context.selfPid()), wall)));
		return row;
	}

	private static long countStored(Context context, Servers.Database database, String prefix) {
		if (context.options.flag("no-db-check")) {
			return -1;
		}
		try (var connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM messages m "
						+ "JOIN orders o ON o.conversation_id = m.conversation_id "
						+ "WHERE o.external_id LIKE ? AND m.type = 'text'")) {
			query.setString(1, prefix + "-%");
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (Exception ex) {
			System.err.println("could not count stored messages: " + ex.getMessage());
			return -1;
		}
	}

	/** Records deliveries at the other member and acks at the sender, per step. */
	static final class Handler implements SioClient.Handler {

		static final int RING = 64;

		final long[][] sentAt;

		final Recorder deliver = new Recorder(3);

		final Recorder ack = new Recorder(3);

		final LongAdder delivered = new LongAdder();

		final LongAdder stepAcks = new LongAdder();

		final LongAdder stepErrors = new LongAdder();

		final LongAdder acked = new LongAdder();

		final AtomicReference<String> firstError = new AtomicReference<>();

		private final Target target;

		private volatile int step;

		Handler(Target target, int members) {
			this.target = target;
			this.sentAt = new long[members][RING];
		}

		void begin(int step) {
			this.step = step;
			this.delivered.reset();
			this.stepAcks.reset();
			this.stepErrors.reset();
			this.deliver.reset();
			this.ack.reset();
		}

		@Override
		public void onEvent(SioClient client, byte[] data, int offset, int length) {
			Marker marker = Marker.find(data, offset, length);
			if (marker == null || marker.sender() == client.index() || marker.step() != this.step) {
				return;
			}
			this.deliver.recordValue(Math.max(0, (Marker.now() - marker.sentNanos()) / 1000));
			this.delivered.increment();
		}

		@Override
		public void onAck(SioClient client, int id, byte[] data, int offset, int length) {
			long sent = this.sentAt[client.index()][id & (RING - 1)];
			this.ack.recordValue(Math.max(0, (Marker.now() - sent) / 1000));
			this.stepAcks.increment();
			if (this.target.ackOk(data, offset, length)) {
				this.acked.increment();
			}
			else {
				this.stepErrors.increment();
				this.firstError.compareAndSet(null, new String(data, offset, length, StandardCharsets.UTF_8));
			}
		}

	}

}
