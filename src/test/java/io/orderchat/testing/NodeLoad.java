package io.orderchat.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat load of the cluster's fault tests, {@code e2e/cluster/load.mjs}: real
 * socket.io-clients that reconnect, resume by seq and resend by client id, in a Node
 * process the test steers ({@link #mark}, {@link #stopAndVerify}) while it kills and
 * restarts nodes. Reports how many sends were acknowledged as it goes.
 */
public final class NodeLoad implements AutoCloseable {

	private final Process process;

	private final Writer input;

	private final AtomicInteger acked = new AtomicInteger();

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final CompletableFuture<JsonNode> result = new CompletableFuture<>();

	private NodeLoad(Process process) {
		this.process = process;
		this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Thread.ofVirtual().start(this::read);
	}

	/** Starts {@code clients} clients against the load balancer at {@code url}. */
	public static NodeLoad start(String url, String jwtSecret, int clients) {
		ProcessBuilder builder = new ProcessBuilder("node", "e2e/cluster/load.mjs").redirectErrorStream(true);
		builder.environment()
			.putAll(Map.of("ORDERCHAT_URL", url, "JWT_SECRET", jwtSecret, "CLIENTS", Integer.toString(clients)));
		try {
			return new NodeLoad(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void read() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("ACKED ")) {
					this.acked.set(Integer.parseInt(line.substring(6).trim()));
				}
				else if (line.startsWith("RESULT ")) {
					this.result.complete(JsonMapper.builder().build().readTree(line.substring(7)));
				}
				else {
					this.output.add(line);
				}
			}
		}
		catch (IOException ex) {
			this.result.completeExceptionally(ex);
		}
		this.result.completeExceptionally(new IllegalStateException("load.mjs ended without a result: " + this.output));
	}

	/** Sends acknowledged so far. */
	public int acked() {
		return this.acked.get();
	}

	/**
	 * Waits until {@code more} sends beyond {@code from} were acknowledged.
	 * @return whether they were within the timeout
	 */
	public boolean awaitAcked(int from, int more, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.acked.get() < from + more) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

	/** From now on, the peer of every message must hear it live. */
	public void mark() {
		command("mark");
	}

	/** Stops sending, lets every client resend and catch up, and answers the check. */
	public JsonNode stopAndVerify(Duration timeout) throws Exception {
		command("stop");
		return this.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Anything load.mjs printed besides its progress, for failure messages. */
	public List<String> output() {
		return List.copyOf(this.output);
	}

	private void command(String command) {
		try {
			this.input.write(command + "\n");
			this.input.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
