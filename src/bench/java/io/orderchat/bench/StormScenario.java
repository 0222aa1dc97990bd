package io.orderchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * (d) Connect storm: open {@code --connections} sockets as fast as the server accepts them (with
 * {@code --in-flight} handshakes at a time), each with its own signed JWT on OrderChat, and time
 * every one from TCP connect to the Socket.IO {@code connect} packet. Rounds alternate which
 * server goes first; the ratio is the median of the per-round ratios. Every round connects the
 * same users, as a reconnect storm after a network blip does; the unrecorded warm-up round is
 * the one that meets them first (OrderChat stores a user on first sight).
 */
final class StormScenario implements Scenario {

	// The server counts as quiet after a window in which it used under this share of a core.
	private static final long QUIET_WINDOW_MILLIS = 200;

	private static final long QUIET_PERCENT = 10;

	@Override
	public String name() {
		return "storm";
	}

	@Override
	public Result run(Context context) throws Exception {
		Options options = context.options;
		int connections = options.integer("connections", 5_000, 50);
		int inFlight = options.integer("in-flight", 256, 16);
		int rounds = options.integer("rounds", 3, 1);
		int warmups = options.integer("warmup-rounds", 1, 0);
		Result result = new Result(name());
		List<Target> targets = context.sideBySide();
		for (Target target : targets) {
			context.startProfile(target, name());
		}
		Map<String, List<Double>> rates = new TreeMap<>();
		List<Double> ratios = new ArrayList<>();
		double worstP99 = 0;
		// unrecorded rounds first: the first storm a JVM sees measures its JIT compiler
		for (int warmup = 0; warmup < warmups; warmup++) {
			for (Target target : targets) {
				String[] auths = context.auths(target, "storm-" + context.run, "customer", connections);
				Fleet fleet = new Fleet(context.loops, target, SioClient.Handler.NONE);
				try {
					fleet.connect(connections, (i) -> auths[i], inFlight, Duration.ofMinutes(2));
				}
				finally {
					closeAndSettle(fleet, target, new TreeMap<>(), connections, options.smoke());
				}
			}
		}
		for (int round = 0; round < rounds; round++) {
			List<Target> order = new ArrayList<>(targets);
			if (round % 2 == 1) {
				java.util.Collections.reverse(order);
			}
			Map<String, Double> roundRates = new TreeMap<>();
			for (Target target : order) {
				String[] auths = context.auths(target, "storm-" + context.run, "customer", connections);
				// signing 5,000 tokens (OrderChat's rounds only) leaves garbage that the
				// generator would otherwise collect inside the timed round
				System.gc();
				long cpuBefore = ProcessProbe.cpuNanos(target.pid());
				long jitBefore = target.jvm() ? ProcessProbe.jitCompilerNanos(target.pid()) : 0;
				long[] selfBefore = ProcessProbe.userAndSystemNanos(Context.selfPid());
				Fleet fleet = new Fleet(context.loops, target, SioClient.Handler.NONE);
				Map<String, Object> row = result.row(target.name());
				try {
					long wall = fleet.connect(connections, (i) -> auths[i], inFlight, Duration.ofMinutes(2));
					long cpuAfter = ProcessProbe.cpuNanos(target.pid());
					long jitAfter = target.jvm() ? ProcessProbe.jitCompilerNanos(target.pid()) : 0;
					long[] selfAfter = ProcessProbe.userAndSystemNanos(Context.selfPid());
					Histogram histogram = fleet.connectMicros().getIntervalHistogram();
					Latency latency = Latency.of(histogram);
					double rate = connections / (wall / 1e9);
					row.put("round", round + 1);
					row.put("connections", connections);
					row.put("failed", fleet.failures());
					row.put("conn_per_s", Result.round(rate));
					latency.into(row, "connect_");
					row.put("server_cpu_cores", Result.round(ProcessProbe.cores(cpuBefore, cpuAfter, wall)));
					// survives a loaded machine better than a rate: the CPU one connect costs
					row.put("server_cpu_ms_per_conn", Result.round((cpuAfter - cpuBefore) / 1e6 / connections));
					if (target.jvm()) {
						// of which the JIT compiler: a cold JVM's first rounds pay for their code here
						row.put("server_jit_ms_per_conn", Result.round((jitAfter - jitBefore) / 1e6 / connections));
					}
					long selfUser = selfAfter[0] - selfBefore[0];
					long selfSystem = selfAfter[1] - selfBefore[1];
					row.put("generator_cpu_cores", Result.round((double) (selfUser + selfSystem) / wall));
					// what the client costs per connection, in user space and in the kernel
					row.put("generator_user_ms_per_conn", Result.round(selfUser / 1e6 / connections));
					row.put("generator_sys_ms_per_conn", Result.round(selfSystem / 1e6 / connections));
					if (fleet.failures() > 0) {
						result.note(target.name() + " round " + (round + 1) + ": " + fleet.failures()
								+ " connections failed, first: " + fleet.firstError());
					}
					roundRates.put(target.name(), rate);
					rates.computeIfAbsent(target.name(), (k) -> new ArrayList<>()).add(rate);
					if (target.kind() == Target.Kind.ORDERCHAT) {
						worstP99 = Math.max(worstP99, latency.p99());
					}
				}
				finally {
					closeAndSettle(fleet, target, row, connections, options.smoke());
				}
			}
			if (roundRates.size() == 2) {
				ratios.add(roundRates.get("orderchat") / roundRates.get("socket.io"));
			}
		}
		context.stopProfile(result);
		if (rates.containsKey("orderchat")) {
			result.figure("orderchat connections/s (median of rounds)", median(rates.get("orderchat")), "conn/s", 5000,
					false);
			result.figure("orderchat worst p99 time to connected", worstP99, "ms");
		}
		if (rates.containsKey("socket.io")) {
			result.figure("socket.io connections/s (median of rounds)", median(rates.get("socket.io")), "conn/s");
		}
		if (!ratios.isEmpty()) {
			result.figure("ratio orderchat/socket.io (median of per-round ratios)", median(ratios), "x", 2.0, false);
		}
		return result;
	}

	/**
	 * Closes a round's connections outside its clock, then waits, the same way for both servers,
	 * until the server has closed its side of every one of them (no socket left on its port but
	 * the listening one) and its CPU has gone quiet: so neither server's clean-up runs into the
	 * next round, which may be the other server's. What the clean-up cost is reported, not
	 * hidden: {@code close_s} and {@code server_close_cpu_ms_per_conn}.
	 */
	private static void closeAndSettle(Fleet fleet, Target target, Map<String, Object> row, int connections,
			boolean smoke) throws InterruptedException {
		long started = System.nanoTime();
		long cpuBefore = target.cpuNanos();
		fleet.close();
		long deadline = started + Duration.ofSeconds(30).toNanos();
		while (ServerSockets.open(target.ports()) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		long quietDeadline = System.nanoTime() + Duration.ofSeconds(smoke ? 1 : 5).toNanos();
		long cpu = target.cpuNanos();
		while (System.nanoTime() < quietDeadline) {
			Thread.sleep(QUIET_WINDOW_MILLIS);
			long now = target.cpuNanos();
			boolean quiet = now - cpu < QUIET_WINDOW_MILLIS * 1_000_000L * QUIET_PERCENT / 100;
			cpu = now;
			if (quiet) {
				break;
			}
		}
		row.put("close_s", Result.round((System.nanoTime() - started) / 1e9));
		row.put("server_close_cpu_ms_per_conn", Result.round((cpu - cpuBefore) / 1e6 / connections));
		int left = ServerSockets.open(target.ports());
		if (left > 0) {
			row.put("server_sockets_left", left);
		}
	}

	static double median(List<Double> values) {
		if (values == null || values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
