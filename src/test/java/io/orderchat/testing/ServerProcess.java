package io.orderchat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An OrderChat server in a process of its own, started from the built jar (the
 * {@code package} phase runs before the integration tests): for tests that kill a server
 * with {@code kill -9}, bound its heap, or run several nodes. Its output goes to a log
 * file under {@code target/server-processes/}, which failures quote.
 */
public final class ServerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private ServerProcess(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/** Starts a server and waits until it is ready. */
	public static ServerProcess start(Options options) {
		int port = (options.port > 0) ? options.port : freePort();
		Path log = logFile(options.name, port);
		try {
			ServerProcess server = new ServerProcess(options.name, port, log, builder(options, port, log).start());
			server.awaitReady(START_TIMEOUT);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path logFile(String name, int port) {
		return Path.of("target", "server-processes", name + "-" + port + "-" + System.nanoTime() + ".log")
			.toAbsolutePath();
	}

	private static ProcessBuilder builder(Options options, int port, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options.javaOptions);
		command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port));
		command.addAll(options.arguments);
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		if (options.workingDirectory != null) {
			builder.directory(options.workingDirectory.toFile());
		}
		builder.environment().putAll(options.environment);
		return builder;
	}

	/**
	 * Starts a server that is expected to refuse to start, and waits for it to exit.
	 * @return how it ended: exit code and output
	 */
	public static Exit startExpectingExit(Options options, Duration timeout) {
		int port = (options.port > 0) ? options.port : freePort();
		Path log = logFile(options.name, port);
		try {
			Process process = builder(options, port, log).start();
			long started = System.nanoTime();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				throw new IllegalStateException(options.name + " was still running after " + timeout + ":\n"
						+ Files.readString(log, StandardCharsets.UTF_8));
			}
			return new Exit(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** How a process ended: its exit code, its output and how long it ran. */
	public record Exit(int code, String output, Duration ran) {
	}

	/**
	 * Settings for a server process against PostgreSQL, verifying the tests' tokens, with
	 * the rate limits out of the way as in {@link IntegrationTest}.
	 */
	public static Options options(String name, TestDatabase.Settings database) {
		Options options = new Options(name).env("JWT_SECRET", IntegrationTest.SECRET)
			.env("DATABASE_URL", database.url())
			.env("DATABASE_USER", database.username())
			.env("DATABASE_PASSWORD", database.password());
		for (String limit : List.of("MESSAGES_PER_SECOND", "MESSAGE_BURST", "ORDERS_PER_MINUTE", "UPLOADS_PER_MINUTE",
				"REQUESTS_PER_SECOND_PER_IP", "REQUEST_BURST_PER_IP", "SOCKETS_PER_USER", "JOINS_PER_SOCKET")) {
			options.env("LIMIT_" + limit, Integer.toString(IntegrationTest.UNLIMITED));
		}
		return options;
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path log() {
		return this.log;
	}

	/** The server's output so far, for failure messages. */
	public String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** {@code kill -9}: the process ends at once, without running any shutdown code. */
	public void kill9() {
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/** SIGTERM, then waits for the process to end; returns how long it took. */
	public Duration terminate(Duration timeout) {
		long started = System.nanoTime();
		this.process.destroy();
		awaitExit(timeout);
		return Duration.ofNanos(System.nanoTime() - started);
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			awaitExit(Duration.ofSeconds(30));
		}
	}

	private void awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(this.name + " did not exit within " + timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI readiness = URI.create(url() + "/actuator/health/readiness");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited during start:\n" + output());
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(200);
		}
		close();
		throw new IllegalStateException(this.name + " was not ready within " + timeout + ":\n" + output());
	}

	private static Path jar() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files
				.filter((file) -> file.getFileName().toString().matches("orderchat-.*\\.jar")
						&& !file.getFileName().toString().endsWith("-tests.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/orderchat-*.jar: run the package phase first"))
				.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A free port on the loopback interface. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** How to start a server process. */
	public static final class Options {

		private final String name;

		private final Map<String, String> environment = new LinkedHashMap<>();

		private final List<String> javaOptions = new ArrayList<>(List.of("-Xmx512m"));

		private final List<String> arguments = new ArrayList<>();

		private Path workingDirectory;

		private int port;

		public Options(String name) {
			this.name = name;
		}

		/** The same settings under another name (one node of several). */
		public Options copy(String name) {
			Options copy = new Options(name);
			copy.environment.putAll(this.environment);
			copy.javaOptions.clear();
			copy.javaOptions.addAll(this.javaOptions);
			copy.arguments.addAll(this.arguments);
			copy.workingDirectory = this.workingDirectory;
			copy.port = this.port;
			return copy;
		}

		/** An environment variable of the server. */
		public Options env(String variable, String value) {
			this.environment.put(variable, value);
			return this;
		}

		/** JVM options in place of the default {@code -Xmx512m}. */
		public Options javaOptions(String... options) {
			this.javaOptions.clear();
			this.javaOptions.addAll(List.of(options));
			return this;
		}

		/** Application arguments, such as {@code --orderchat.some.setting=value}. */
		public Options arguments(String... arguments) {
			this.arguments.addAll(List.of(arguments));
			return this;
		}

		/** The server's working directory (where the H2 default keeps {@code ./data}). */
		public Options workingDirectory(Path directory) {
			this.workingDirectory = directory;
			return this;
		}

		/** A fixed port, e.g. to restart a killed server where its clients expect it. */
		public Options port(int port) {
			this.port = port;
			return this;
		}

	}

}
