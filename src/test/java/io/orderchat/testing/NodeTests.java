package io.orderchat.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a folder of Node end-to-end tests ({@code node --test}) against a server of this
 * JVM: the real npm {@code socket.io-client} (installed by the build's {@code npm ci})
 * drives it, and the test fails with Node's report when any Node test fails.
 */
public final class NodeTests {

	/**
	 * Against a hung run. The browser suite (e2e/ui) takes about 4 minutes on a busy
	 * 2-core machine, and up to 7 under heavy load.
	 */
	private static final long TIME_LIMIT_SECONDS = 600;

	private NodeTests() {
	}

	/**
	 * Runs the tests against OrderChat at {@code port}, signing tokens with
	 * {@code jwtSecret}.
	 */
	public static void run(int port, String jwtSecret, String folder) {
		run(folder, Map.of("ORDERCHAT_URL", "http://127.0.0.1:" + port, "JWT_SECRET", jwtSecret));
	}

	/** Runs the tests with {@code environment} added to Node's. */
	public static void run(String folder, Map<String, String> environment) {
		List<String> command = new ArrayList<>(
				// Node applies --test-timeout to each test file as a whole too: a browser
				// test file
				// ran past 60 s on a loaded machine with every test in it passing.
				List.of("node", "--test", "--test-reporter=spec", "--test-concurrency=1", "--test-timeout=150000"));
		command.addAll(testFiles(Path.of(folder)));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Path log;
		try {
			log = Files.createTempFile("node-tests", ".log");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		builder.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			boolean finished = process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
			if (!finished) {
				process.destroyForcibly().waitFor();
			}
			String report = Files.readString(log, StandardCharsets.UTF_8);
			Files.deleteIfExists(log);
			if (!finished) {
				fail("node --test %s ran past %d s:%n%s", folder, TIME_LIMIT_SECONDS, report);
			}
			System.out.println(report);
			assertThat(process.exitValue()).as("node --test %s failed:%n%s", folder, report).isZero();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run node: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> testFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			List<String> tests = files.map(Path::toString)
				.filter((name) -> name.endsWith(".test.mjs"))
				.sorted()
				.toList();
			assertThat(tests).as("Node tests in %s", folder).isNotEmpty();
			return tests;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
