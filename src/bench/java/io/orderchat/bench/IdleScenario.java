package io.orderchat.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * (a) Idle connections: what each one costs the server in memory (RSS, and for the JVM the heap
 * after a full GC) and what holding them costs in CPU. Both servers get the same number of
 * clients, one after the other; the generator holds them from one process, so {@code
 * --connections} stays below the 20,000 open files a process may have here.
 */
final class IdleScenario implements Scenario {

	@Override
	public String name() {
		return "idle";
	}

	/** The classes whose live bytes grew most, per connection. */
	private static Map<String, String> perConnection(Map<String, long[]> before, Map<String, long[]> after,
			int connections) {
		Map<String, String> top = new LinkedHashMap<>();
		after.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), new long[] {
					entry.getValue()[0] - before.getOrDefault(entry.getKey(), new long[2])[0],
					entry.getValue()[1] - before.getOrDefault(entry.getKey(), new long[2])[1] }))
			.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
			.limit(20)
			.forEach((entry) -> top.put(entry.getKey(),
					Result.round((double) entry.getValue()[1] / connections) + " B, "
							+ Result.round((double) entry.getValue()[0] / connections)));
		return top;
	}

	@Override
	public Result run(Context context) throws Exception {
		Options options = context.options;
		int connections = options.integer("connections", 19_000, 50);
		int idleSeconds = options.integer("idle-seconds", 30, 2);
		int inFlight = options.integer("in-flight", 200, 50);
		Result result = new Result(name());
		Map<String, Double> perConnection = new LinkedHashMap<>();
		for (Target target : context.sideBySide()) {
			String[] auths = context.auths(target, "idle-" + context.run, "customer", connections);
			if (target.jvm()) {
				ProcessProbe.collect(target.pid());
			}
			Thread.sleep(1000);
			long rssBefore = ProcessProbe.rssBytes(target.pid());
			long heapBefore = target.jvm() ? ProcessProbe.heapAfterGc(target.pid()) : -1;
			boolean histograms = target.jvm() && options.flag("profile");
			Map<String, long[]> classesBefore = histograms ? ProcessProbe.classHistogram(target.pid()) : Map.of();
			try (Fleet fleet = new Fleet(context.loops, target, SioClient.Handler.NONE)) {
				long wall = fleet.connect(connections, (i) -> auths[i], inFlight, Duration.ofMinutes(5));
				Thread.sleep(2000);
				if (target.jvm()) {
					ProcessProbe.collect(target.pid());
				}
				Thread.sleep(1000);
				long rssAfter = ProcessProbe.rssBytes(target.pid());
				long heapAfter = target.jvm() ? ProcessProbe.heapAfterGc(target.pid()) : -1;
				if (histograms) {
					result.note("heap per idle connection by class (bytes, instances): "
							+ perConnection(classesBefore, ProcessProbe.classHistogram(target.pid()), connections));
				}
				long cpuBefore = ProcessProbe.cpuNanos(target.pid());
				long started = System.nanoTime();
				Thread.sleep(idleSeconds * 1000L);
				double cores = ProcessProbe.cores(cpuBefore, ProcessProbe.cpuNanos(target.pid()),
						System.nanoTime() - started);
				int open = (int) fleet.clients().stream().filter(SioClient::isConnected).count();
				double rssPerConnection = (rssAfter - rssBefore) / 1024.0 / connections;
				Map<String, Object> row = result.row(target.name());
				row.put("connections", connections);
				row.put("failed", fleet.failures());
				row.put("still_open", open);
				row.put("connect_s", Result.round(wall / 1e9));
				row.put("rss_before_mb", Result.round(rssBefore / 1048576.0));
				row.put("rss_after_mb", Result.round(rssAfter / 1048576.0));
				row.put("rss_per_conn_kb", Result.round(rssPerConnection));
				row.put("heap_per_conn_kb",
						target.jvm() ? Result.round((heapAfter - heapBefore) / 1024.0 / connections) : "n/a");
				row.put("idle_cpu_pct_core", Result.round(cores * 100));
				perConnection.put(target.name(), rssPerConnection);
			}
			Thread.sleep(2000);
		}
		Double ours = perConnection.get("orderchat");
		Double theirs = perConnection.get("socket.io");
		if (ours != null) {
			result.figure("orderchat RSS per idle connection", ours, "KB", 4.0, true);
		}
		if (theirs != null) {
			result.figure("socket.io RSS per idle connection", theirs, "KB");
		}
		if (ours != null && theirs != null) {
			result.figure("ratio socket.io/orderchat (higher is better for orderchat)", theirs / ours, "x");
		}
		result.note("RSS per connection = (RSS after connecting - RSS before) / connections, each read after a full GC; "
				+ "heap per connection = heap in use after a full GC, same difference (JVM only).");
		return result;
	}

}
