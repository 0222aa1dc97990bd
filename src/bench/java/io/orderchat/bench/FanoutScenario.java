package io.orderchat.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;

/**
 * (c) Fan-out: one room of {@code --members} receivers and one sender outside it, broadcasting
 * at rising rates ({@code --rates}, messages/s). On OrderChat the room is an order's
 * conversation: the performer and admins (who may use every conversation; a moderator only
 * the orders assigned to them) receive,
 * the customer sends through {@code message:send}, so every message is stored before it fans
 * out. On the peer it is {@code join} / {@code to-room}. Each step runs on both servers in turn;
 * the figure is the highest delivered messages/s whose p99 stays under 100 ms.
 */
final class FanoutScenario implements Scenario {

	private static final double P99_LIMIT_MS = 100;

	@Override
	public String name() {
		return "fanout";
	}

	@Override
	public Result run(Context context) throws Exception {
		Options options = context.options;
		int members = options.integer("members", 1_000, 10);
		List<Double> rates = options.decimals("rates", "20,40,60,80,100,120,150,200,250,300", "5,10");
		int stepSeconds = options.integer("step-seconds", 8, 2);
		int size = options.integer("payload", 100, 100);
		Result result = new Result(name());
		List<Room> rooms = new ArrayList<>();
		try {
			for (Target target : context.sideBySide()) {
				rooms.add(Room.open(context, target, members));
			}
			for (Room room : rooms) {
				context.startProfile(room.target, name());
			}
			Map<String, Double> best = race(context, rooms, rates, stepSeconds, size, result);
			context.stopProfile(result);
			boolean ourRoom = rooms.stream().anyMatch((room) -> room.target.kind() == Target.Kind.ORDERCHAT);
			boolean peerRoom = rooms.stream().anyMatch((room) -> room.target.kind() == Target.Kind.PEER);
			double ours = best.getOrDefault("orderchat", 0.0);
			double theirs = best.getOrDefault("socket.io", 0.0);
			if (ourRoom) {
				result.figure("orderchat deliveries/s with p99 < 100 ms", ours, "msgs/s",
						Math.max(100_000, 2 * theirs), false);
			}
			if (peerRoom) {
				result.figure("socket.io deliveries/s with p99 < 100 ms", theirs, "msgs/s");
			}
			if (ourRoom && peerRoom) {
				result.figure("ratio orderchat/socket.io", (theirs > 0) ? ours / theirs : Double.NaN, "x", 2.0, false);
			}
			for (Room room : rooms) {
				if (room.fleet.joinRetries() > 0) {
					result.note(room.target.name() + ": " + room.fleet.joinRetries()
							+ " joins answered UNAVAILABLE and sent again");
				}
				if (room.fleet.dropped() > 0) {
					result.note(room.target.name() + ": " + room.fleet.dropped() + " connections dropped, first: "
							+ room.fleet.firstError());
				}
				if (room.handler.firstError.get() != null) {
					result.note(room.target.name() + ": first refused send: " + room.handler.firstError.get());
				}
			}
		}
		finally {
			rooms.forEach(Room::close);
		}
		return result;
	}

	/**
	 * Runs each rate on every room in turn (the order alternating per step, so that neither
	 * server always goes first on a warmer machine); answers per server the highest delivered
	 * messages/s whose p99 stays under 100 ms with every delivery made.
	 */
	static Map<String, Double> race(Context context, List<Room> rooms, List<Double> rates, int stepSeconds, int size,
			Result result) throws InterruptedException {
		Map<String, Double> best = new LinkedHashMap<>();
		int step = 0;
		for (double rate : rates) {
			step++;
			for (Room room : (step % 2 == 1) ? rooms : rooms.reversed()) {
				if (room.saturated) {
					continue;
				}
				Map<String, Object> row = room.step(context, step, rate, stepSeconds, size, result);
				double p99 = (double) row.get("deliver_p99_ms");
				double delivered = (double) row.get("deliveries_s");
				double complete = (double) row.get("complete_pct");
				if (p99 < P99_LIMIT_MS && complete >= 99.9) {
					best.merge(room.target.name(), delivered, Math::max);
				}
				if (p99 > 2000 || complete < 50) {
					room.saturated = true;
					result.note(room.target.name() + " saturated at " + Result.round(rate)
							+ " msgs/s; higher rates skipped");
				}
				Thread.sleep(context.options.smoke() ? 100 : 1500);
			}
		}
		return best;
	}

	/** One server's room: its receivers and its sender. */
	static final class Room implements AutoCloseable {

		final Target target;

		final Fleet fleet;

		final Fleet senderFleet;

		final Handler handler;

		final String room;

		final int members;

		boolean saturated;

		private Room(Target target, Fleet fleet, Fleet senderFleet, Handler handler, String room, int members) {
			this.target = target;
			this.handler = handler;
			this.fleet = fleet;
			this.senderFleet = senderFleet;
			this.room = room;
			this.members = members;
		}

		static Room open(Context context, Target target, int members) throws Exception {
			String room = "bench-fanout-" + context.run;
			String[] auths = new String[members];
			String senderAuth;
			if (target.kind() == Target.Kind.ORDERCHAT) {
				String customer = "bfc-" + context.run;
				String performer = "bfp-" + context.run;
				// one order per server of the run: a cluster shares the database of the single node
				String order = "bench-fanout-" + context.run + ((target.nodes() > 1) ? "-n" + target.nodes() : "");
				room = new Rest(target.baseUrl()).registerOrder(context.tokens.sign("bench-admin", "admin"), order,
						customer, performer);
				auths[0] = context.tokens.auth(performer, "performer");
				for (int i = 1; i < members; i++) {
					auths[i] = context.tokens.auth("bfa-" + context.run + "-" + i, "admin");
				}
				senderAuth = context.tokens.auth(customer, "customer");
			}
			else {
				java.util.Arrays.fill(auths, "{\"token\":\"bench\"}");
				senderAuth = "{\"token\":\"bench\"}";
			}
			Handler handler = new Handler();
			Fleet receivers = new Fleet(context.loops, target, handler);
			Fleet sender = new Fleet(context.loops, target, handler);
			Room opened = new Room(target, receivers, sender, handler, room, members);
			receivers.connect(members, (i) -> auths[i], 200, Duration.ofMinutes(2));
			String joined = room;
			// --join-window: joins in flight; each join is a transaction, and a loaded machine's
			// pool would time them out if they all came at once
			receivers.join((i) -> joined, context.options.integer("join-window", 200, 200), Duration.ofMinutes(2));
			sender.connect(1, (i) -> senderAuth, 1, Duration.ofSeconds(30));
			return opened;
		}

		Map<String, Object> step(Context context, int step, double rate, int seconds, int size, Result result)
				throws InterruptedException {
			this.handler.begin(step);
			SioClient sender = this.senderFleet.clients().get(0);
			long cpuBefore = this.target.cpuNanos();
			long busBefore = this.target.busCpuNanos();
			long selfBefore = ProcessProbe.cpuNanos(Context.selfPid());
			long started = System.nanoTime();
			long sent = Pacer.run(rate, seconds * 1_000_000_000L, (k) -> {
				String json = this.target.sendJson(this.room, Marker.content(Marker.now(), 0, step, size));
				if (this.target.kind() == Target.Kind.ORDERCHAT) {
					sender.emitWithAck(json);
				}
				else {
					sender.emit(json);
				}
			});
			long sendNanos = System.nanoTime() - started;
			long expected = sent * this.members;
			long deadline = System.nanoTime() + 3_000_000_000L;
			while (this.handler.delivered.sum() < expected && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			long wall = System.nanoTime() - started;
			long delivered = this.handler.delivered.sum();
			Latency latency = Latency.of(this.handler.deliver.getIntervalHistogram());
			Map<String, Object> row = result.row(this.target.name());
			row.put("step", step);
			row.put("rate_msgs_s", Result.round(sent / (sendNanos / 1e9)));
			row.put("members", this.members);
			row.put("deliveries_s", (double) Math.round(delivered / (sendNanos / 1e9)));
			row.put("complete_pct", (expected > 0) ? Result.round(100.0 * delivered / expected) : 0.0);
			latency.into(row, "deliver_");
			long serverCpu = this.target.cpuNanos() - cpuBefore;
			row.put("server_cpu_cores", Result.round(ProcessProbe.cores(0, serverCpu, wall)));
			if (this.target.nodes() > 1) {
				long busCpu = this.target.busCpuNanos() - busBefore;
				row.put("nodes", this.target.nodes());
				row.put("connections_per_node", connectionsPerNode());
				row.put("redis_cpu_cores", Result.round(ProcessProbe.cores(0, busCpu, wall)));
				serverCpu += busCpu;
			}
			row.put("cpu_us_per_delivery", (delivered > 0) ? Result.round(serverCpu / 1000.0 / delivered) : Double.NaN);
			row.put("generator_cpu_cores",
					Result.round(ProcessProbe.cores(selfBefore, ProcessProbe.cpuNanos(Context.selfPid()), wall)));
			return row;
		}

		/** Receivers and the sender on each node, e.g. {@code 501+500}: clients take the nodes in turn. */
		private String connectionsPerNode() {
			int[] counts = new int[this.target.nodes()];
			for (int i = 0; i < this.members; i++) {
				counts[i % counts.length]++;
			}
			counts[0]++;
			return java.util.Arrays.stream(counts)
				.mapToObj(Integer::toString)
				.collect(java.util.stream.Collectors.joining("+"));
		}

		@Override
		public void close() {
			this.fleet.close();
			this.senderFleet.close();
		}

	}

	/** Counts deliveries of the current step's messages and their latency. */
	static final class Handler implements SioClient.Handler {

		final Recorder deliver = new Recorder(3);

		final LongAdder delivered = new LongAdder();

		final AtomicReference<String> firstError = new AtomicReference<>();

		private volatile int step;

		void begin(int step) {
			this.step = step;
			this.delivered.reset();
			this.deliver.reset();
		}

		@Override
		public void onEvent(SioClient client, byte[] data, int offset, int length) {
			Marker marker = Marker.find(data, offset, length);
			if (marker == null || marker.step() != this.step) {
				return;
			}
			this.deliver.recordValue(Math.max(0, (Marker.now() - marker.sentNanos()) / 1000));
			this.delivered.increment();
		}

		@Override
		public void onAck(SioClient client, int id, byte[] data, int offset, int length) {
			if (SioClient.indexOf(data, offset, offset + length, "\"ok\":true".getBytes(StandardCharsets.US_ASCII)) < 0) {
				this.firstError.compareAndSet(null, new String(data, offset, length, StandardCharsets.UTF_8));
			}
		}

	}

}
