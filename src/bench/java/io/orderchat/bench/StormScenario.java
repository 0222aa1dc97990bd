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
				try (Fleet fleet = new Fleet(context.loops, target, SioClient.Handler.NONE)) {
					fleet.connect(connections, (i) -> auths[i], inFlight, Duration.ofMinutes(2));
					fleet.connectMicros().reset();
				}
				Thread.sleep(3000);
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
				long cpuBefore = ProcessProbe.cpuNanos(target.pid());
				long selfBefore = ProcessProbe.cpuNanos(Context.selfPid());
				try (Fleet fleet = new Fleet(context.loops, target, SioClient.Handler.NONE)) {
					long wall = fleet.connect(connections, (i) -> auths[i], inFlight, Duration.ofMinutes(2));
					Histogram histogram = fleet.connectMicros().getIntervalHistogram();
					Latency latency = Latency.of(histogram);
					double rate = connections / (wall / 1e9);
					Map<String, Object> row = result.row(target.name());
					row.put("round", round + 1);
					row.put("connections", connections);
					row.put("failed", fleet.failures());
					row.put("conn_per_s", Result.round(rate));
					latency.into(row, "connect_");
					long cpuAfter = ProcessProbe.cpuNanos(target.pid());
					row.put("server_cpu_cores", Result.round(ProcessProbe.cores(cpuBefore, cpuAfter, wall)));
					// survives a loaded machine better than a rate: the CPU one connect costs
					row.put("server_cpu_ms_per_conn", Result.round((cpuAfter - cpuBefore) / 1e6 / connections));
					row.put("generator_cpu_cores", Result.round(ProcessProbe.cores(selfBefore,
							ProcessProbe.cpuNanos(Context.selfPid()), wall)));
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
				// let the server finish closing before the other one is measured
				Thread.sleep(options.smoke() ? 200 : 3000);
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
			result.figure("ratio orderchat/socket.io (median of per-round ratios)", median(ratios), "x", 3.0, false);
		}
		return result;
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
