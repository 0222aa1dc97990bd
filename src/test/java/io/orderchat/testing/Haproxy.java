package io.orderchat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * HAProxy in front of test nodes, run with the shipped {@code deploy/haproxy.cfg} (its
 * port and node list replaced, as {@code bin/cluster} does), so the tests check the
 * configuration a deployment copies. Needs Debian's {@code haproxy}
 * ({@code bin/cluster-tools} installs it; {@code bin/test} runs that).
 */
public final class Haproxy implements AutoCloseable {

	private final int port;

	private final Path log;

	private final Process process;

	private Haproxy(int port, Path log, Process process) {
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/** Starts HAProxy on a free port in front of the nodes on {@code nodePorts}. */
	public static Haproxy start(List<Integer> nodePorts) {
		int port = ServerProcess.freePort();
		Path directory = Path.of("target", "server-processes").toAbsolutePath();
		Path config = directory.resolve("haproxy-" + port + ".cfg");
		Path log = directory.resolve("haproxy-" + port + ".log");
		try {
			Files.createDirectories(directory);
			Files.writeString(config, configuration(port, nodePorts));
			Process process = new ProcessBuilder(List.of(executable(), "-f", config.toString(), "-db"))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Haproxy haproxy = new Haproxy(port, log, process);
			haproxy.awaitListening();
			return haproxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** deploy/haproxy.cfg with this port and these nodes. */
	static String configuration(int port, List<Integer> nodePorts) throws IOException {
		String shipped = Files.readString(Path.of("deploy", "haproxy.cfg"), StandardCharsets.UTF_8);
		StringBuilder servers = new StringBuilder("# nodes:begin\n");
		for (int i = 0; i < nodePorts.size(); i++) {
			servers.append("\tserver node")
				.append(i + 1)
				.append(" 127.0.0.1:")
				.append(nodePorts.get(i))
				.append(" cookie node")
				.append(i + 1)
				.append('\n');
		}
		return shipped.replaceFirst("(?m)^(\\s*bind ):3000$", "$1127.0.0.1:" + port)
			.replaceFirst("(?s)# nodes:begin.*# nodes:end", Matcher.quoteReplacement(servers + "\t# nodes:end"))
			.replace("log stdout format raw local0 notice", "log stdout format raw local0 info");
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public Path log() {
		return this.log;
	}

	private static String executable() {
		return Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
	}

	private void awaitListening() {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("haproxy exited; see " + this.log);
			}
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException notYet) {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new IllegalStateException("haproxy did not listen on " + this.port + "; see " + this.log);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
