package io.orderchat.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bus between nodes costs, read off a cluster scenario's rows: for each server run
 * both on one node and on several, the highest step that both completed (every delivery
 * made, no send refused; preferably also with p99 under 100 ms), and there the CPU per
 * delivered message (every node plus Redis, against the one node) and the median latency,
 * side by side. CPU per delivery means something even where a loaded machine's tail does
 * not.
 */
final class BusCost {

	private static final double P99_LIMIT_MS = 100;

	private BusCost() {
	}

	static void figures(Result result, List<Target> targets) {
		for (Target cluster : targets) {
			if (cluster.nodes() < 2) {
				continue;
			}
			Optional<Target> single = targets.stream()
				.filter((target) -> target.kind() == cluster.kind() && target.nodes() == 1)
				.findFirst();
			if (single.isEmpty()) {
				continue;
			}
			compare(result, single.get(), cluster);
		}
	}

	private static void compare(Result result, Target single, Target cluster) {
		Map<String, Object>[] pair = highestBoth(result, single, cluster, true);
		if (pair == null) {
			pair = highestBoth(result, single, cluster, false);
		}
		Map<String, Object> one = (pair != null) ? pair[0] : null;
		Map<String, Object> many = (pair != null) ? pair[1] : null;
		String label = cluster.name() + " vs 1 node";
		if (one == null) {
			result.note(label + ": no step that both completed; the bus's cost is not measured");
			return;
		}
		double cpuOne = (double) one.get("cpu_us_per_delivery");
		double cpuMany = (double) many.get("cpu_us_per_delivery");
		result.figure(label + ": step compared", ((Number) one.get("step")).doubleValue(), "");
		result.figure(label + ": p99 there, 1 node", (double) one.get("deliver_p99_ms"), "ms");
		result.figure(label + ": p99 there, nodes", (double) many.get("deliver_p99_ms"), "ms");
		result.figure(label + ": CPU per delivery, 1 node", cpuOne, "us");
		result.figure(label + ": CPU per delivery, nodes + Redis", cpuMany, "us");
		if (one.get("members") instanceof Number members) {
			result.figure(label + ": CPU the bus adds per message sent", (cpuMany - cpuOne) * members.doubleValue(),
					"us");
		}
		result.figure(label + ": median latency added", (double) many.get("deliver_p50_ms")
				- (double) one.get("deliver_p50_ms"), "ms");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object>[] highestBoth(Result result, Target single, Target cluster, boolean inTime) {
		Map<String, Object>[] pair = null;
		for (Map<String, Object> row : result.rows) {
			if (!row.get("server").equals(single.name()) || !held(row, inTime)) {
				continue;
			}
			Map<String, Object> twin = result.rows.stream()
				.filter((other) -> other.get("server").equals(cluster.name()) && other.get("step").equals(row.get("step")))
				.findFirst()
				.orElse(null);
			if (twin != null && held(twin, inTime)) {
				pair = new Map[] { row, twin };
			}
		}
		return pair;
	}

	private static boolean held(Map<String, Object> row, boolean inTime) {
		return (!inTime || (double) row.get("deliver_p99_ms") < P99_LIMIT_MS)
				&& (!(row.get("complete_pct") instanceof Double complete) || complete >= 99.9)
				&& (!(row.get("ack_errors") instanceof Long errors) || errors == 0)
				&& row.get("cpu_us_per_delivery") instanceof Double;
	}

}
