package io.orderchat.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CI smoke of the load generator: every scenario of docs/benchmarks.md runs for seconds
 * at tiny scale against this test's server (and the socket.io peer when
 * ../shared/bench-peer is there), and must produce a complete result. Benchmarks are not
 * tests: nothing here asserts a speed, only that the tool still connects, sends, counts
 * and reports.
 */
class BenchSmokeIT extends IntegrationTest {

	private static final Path PEER = Path.of("../shared/bench-peer");

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void everyScenarioRunsAndReports() throws Exception {
		TestDatabase.Settings database = TestDatabase.get();
		boolean peer = Files.exists(PEER.resolve("server.mjs"));
		List<String> args = new ArrayList<>(List.of("all", "--smoke", "--orderchat-url=http://127.0.0.1:" + this.port,
				"--orderchat-pid=" + ProcessHandle.current().pid(), "--jwt-secret=" + SECRET,
				"--db-url=" + database.url(), "--db-user=" + database.username(),
				"--db-password=" + database.password(), "--output=target/bench-smoke",
				"--peer=" + (peer ? "on" : "off"), "--peer-dir=" + PEER, "--peer-port=" + freePort()));
		List<Result> results = Bench.run(Options.parse(args.toArray(String[]::new)));

		assertThat(results).extracting((result) -> result.scenario)
			.containsExactly("idle", "chat", "fanout", "storm", "history");
		Map<String, Result> byName = new java.util.HashMap<>();
		results.forEach((result) -> byName.put(result.scenario, result));
		List<String> servers = peer ? List.of("orderchat", "socket.io") : List.of("orderchat");

		Result idle = byName.get("idle");
		assertThat(idle.rows).extracting((row) -> row.get("server")).containsExactlyElementsOf(servers);
		assertThat(idle.rows).allSatisfy((row) -> {
			assertThat(row.get("failed")).isEqualTo(0);
			assertThat(row.get("still_open")).isEqualTo(row.get("connections"));
		});

		Result chat = byName.get("chat");
		assertThat(chat.rows).isNotEmpty().allSatisfy((row) -> {
			assertThat((long) row.get("delivered")).isPositive();
			assertThat(row.get("ack_errors")).isEqualTo(0L);
		});
		if (postgresRunsHere(database.url())) {
			// PostgreSQL's share of the machine beside the server's, per step
			assertThat(chat.rows)
				.allSatisfy((row) -> assertThat(row).containsKeys("db_cpu_cores", "db_cpu_us_per_msg"));
		}
		assertThat(figure(chat, "acknowledged but not stored")).isEqualTo(0.0);
		assertThat(figure(chat, "messages stored in PostgreSQL")).isEqualTo(figure(chat, "messages acknowledged"));

		Result fanout = byName.get("fanout");
		assertThat(fanout.rows).extracting((row) -> row.get("server")).containsAll(servers);
		assertThat(fanout.rows).allSatisfy((row) -> assertThat((double) row.get("complete_pct")).isEqualTo(100.0));

		Result storm = byName.get("storm");
		assertThat(storm.rows).extracting((row) -> row.get("server")).containsExactlyInAnyOrderElementsOf(servers);
		assertThat(storm.rows).allSatisfy((row) -> assertThat(row.get("failed")).isEqualTo(0));
		// how much of OrderChat's CPU per connection its JIT compiler took
		assertThat(storm.rows).filteredOn((row) -> "orderchat".equals(row.get("server")))
			.allSatisfy((row) -> assertThat(row).containsKey("server_jit_ms_per_conn"));

		Result history = byName.get("history");
		// the closed loop's figure, then the same readers at an offered rate
		assertThat(history.rows).extracting((row) -> row.get("mode")).containsExactly("closed", "offered");
		assertThat(history.rows).allSatisfy((row) -> {
			assertThat((long) row.get("requests")).isPositive();
			assertThat(row.get("errors")).isEqualTo(0L);
		});
		assertThat(history.figures).containsKey("orderchat history page p99 (4 clients)")
			.containsKey("orderchat history page p99 at 20 pages/s offered (4 clients)");
		assertThat(Path.of("target/bench-smoke/history.json")).exists();
	}

	private static double figure(Result result, String name) {
		@SuppressWarnings("unchecked")
		Map<String, Object> figure = (Map<String, Object>) result.figures.get(name);
		assertThat(figure).as(name).isNotNull();
		return ((Number) figure.get("value")).doubleValue();
	}

	/** A local PostgreSQL whose processes this test can see (not one in a container). */
	private static boolean postgresRunsHere(String url) throws IOException {
		if (!url.startsWith("jdbc:postgresql://127.0.0.1") && !url.startsWith("jdbc:postgresql://localhost")) {
			return false;
		}
		try (var processes = Files.list(Path.of("/proc"))) {
			return processes.filter((dir) -> dir.getFileName().toString().matches("[0-9]+")).anyMatch((dir) -> {
				try {
					return Files.readString(dir.resolve("comm")).strip().startsWith("postgres");
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
