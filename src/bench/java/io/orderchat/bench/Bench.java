package io.orderchat.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OrderChat's load generator: {@code bin/bench <scenario> [--option=value ...]} with scenario
 * {@code idle}, {@code chat}, {@code fanout}, {@code storm}, {@code history}, {@code cluster-fanout},
 * {@code cluster-chat} or {@code all} (the first five: the cluster ones start four servers and a
 * Redis each, and are run on their own).
 * Prints a table per scenario and writes it as JSON under {@code target/bench/}. See
 * docs/benchmarks.md for what each scenario measures and the options it takes.
 */
public final class Bench {

	static final Map<String, Scenario> SCENARIOS = Map.of("idle", new IdleScenario(), "chat", new ChatScenario(),
			"fanout", new FanoutScenario(), "storm", new StormScenario(), "history", new HistoryScenario(),
			"cluster-fanout", new ClusterFanoutScenario(), "cluster-chat", new ClusterChatScenario());

	static final List<String> ORDER = List.of("idle", "chat", "fanout", "storm", "history");

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		if (options.scenario() == null || !(SCENARIOS.containsKey(options.scenario()) || "all".equals(options.scenario()))) {
			System.err.println("usage: bin/bench <idle|chat|fanout|storm|history|cluster-fanout|cluster-chat|all> [--smoke] [--option=value ...]");
			System.err.println("see docs/benchmarks.md");
			System.exit(2);
		}
		List<Result> results = run(options);
		boolean failed = results.stream().anyMatch((result) -> result.rows.isEmpty());
		System.exit(failed ? 1 : 0);
	}

	/** Runs the scenario(s) the options name; answers their results, also written as JSON. */
	public static List<Result> run(Options options) throws Exception {
		Path output = Path.of(options.text("output", "target/bench"));
		java.nio.file.Files.createDirectories(output);
		List<String> names = "all".equals(options.scenario()) ? ORDER : List.of(options.scenario());
		List<Result> results = new ArrayList<>();
		try (Context context = new Context(options, output)) {
			Runtime.getRuntime().addShutdownHook(new Thread(context::close, "bench-stop-servers"));
			for (String name : names) {
				Instant started = Instant.now();
				Result result = SCENARIOS.get(name).run(context);
				Report.print(result, System.out);
				Path file = Report.write(result, new Options(name, options.values()), output, started);
				System.out.println("  written to " + file);
				results.add(result);
			}
		}
		return results;
	}

}
