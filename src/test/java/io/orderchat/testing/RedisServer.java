package io.orderchat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of a test's own on a free port, keeping nothing on disk, so that
 * the test may stop and restart it (a Redis outage) without touching anybody else's.
 */
public final class RedisServer implements AutoCloseable {

	private final int port;

	private final Path log;

	private Process process;

	private RedisServer(int port) {
		this.port = port;
		this.log = Path.of("target", "server-processes", "redis-" + port + "-" + System.nanoTime() + ".log")
			.toAbsolutePath();
	}

	public static RedisServer start() {
		RedisServer redis = new RedisServer(ServerProcess.freePort());
		redis.startAgain();
		return redis;
	}

	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/**
	 * The running server's process id (its CPU time is what a benchmark charges to
	 * Redis).
	 */
	public long pid() {
		return this.process.pid();
	}

	/** Starts it (again, after {@link #stop}) on the same port, empty. */
	public void startAgain() {
		try {
			Files.createDirectories(this.log.getParent());
			this.process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("redis-server (Debian's redis-server package) could not start", ex);
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!answers()) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new IllegalStateException("redis-server on " + this.port + " did not start; see " + this.log);
			}
			sleep(50);
		}
	}

	/** {@code kill -9}: Redis is gone, with everything it held. */
	public void stop() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean answers() {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.getOutputStream().write("PING\r\n".getBytes());
			byte[] answer = new byte[7];
			return socket.getInputStream().read(answer) > 0 && new String(answer).startsWith("+PONG");
		}
		catch (IOException notYet) {
			return false;
		}
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			stop();
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

}
