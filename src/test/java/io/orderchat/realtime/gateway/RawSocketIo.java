package io.orderchat.realtime.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Socket.IO client written on raw Engine.IO v4 frames over the JDK's WebSocket, so a
 * test can send what no well-behaved client would: any event name, any payload, any
 * frame. Answers the server's pings; keeps every frame it received.
 */
public final class RawSocketIo implements WebSocket.Listener {

	private static final HttpClient http = HttpClient.newHttpClient();

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private final List<String> seen = new CopyOnWriteArrayList<>();

	private final AtomicInteger ackIds = new AtomicInteger();

	private final StringBuilder partial = new StringBuilder();

	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	private volatile WebSocket socket;

	/**
	 * Opens the WebSocket transport; with a token, also connects to the main namespace.
	 */
	public static RawSocketIo open(int port, String token) throws Exception {
		RawSocketIo client = new RawSocketIo();
		client.socket = http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"), client)
			.get(10, TimeUnit.SECONDS);
		String open = client.frames.poll(10, TimeUnit.SECONDS);
		if (open == null || !open.startsWith("0{")) {
			throw new IllegalStateException("no Engine.IO open packet: " + open);
		}
		if (token != null) {
			client.text("40" + FuzzJson.quote(token).transform((t) -> "{\"token\":" + t + "}"));
			String connected = client.frames.poll(10, TimeUnit.SECONDS);
			if (connected == null || !connected.startsWith("40{")) {
				throw new IllegalStateException("not connected: " + connected);
			}
		}
		return client;
	}

	void text(String frame) {
		if (!isClosed()) {
			this.socket.sendText(frame, true).exceptionally((ex) -> null).join();
		}
	}

	void binary(byte[] frame) {
		if (!isClosed()) {
			this.socket.sendBinary(ByteBuffer.wrap(frame), true).exceptionally((ex) -> null).join();
		}
	}

	/**
	 * Emits {@code [event, payload]} with an acknowledgement and waits for it.
	 * @return the ack frame ({@code 43<id>[...]}), or null when none came in time
	 */
	String call(String eventJson, String payloadJson, Duration timeout) throws InterruptedException {
		int id = this.ackIds.incrementAndGet();
		String prefix = "43" + id + "[";
		text("42" + id + "[" + eventJson + ((payloadJson != null) ? "," + payloadJson : "") + "]");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String frame = this.frames.poll(50, TimeUnit.MILLISECONDS);
			if (frame != null && frame.startsWith(prefix)) {
				return frame;
			}
			if (frame == null && isClosed()) {
				return null;
			}
		}
		return null;
	}

	/** Waits for a received frame that contains {@code text}. */
	public boolean awaitFrame(String text, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.seen.stream().anyMatch((frame) -> frame.contains(text))) {
				return true;
			}
			Thread.sleep(20);
		}
		return false;
	}

	/** Waits for a received frame that is exactly {@code frame}. */
	public boolean awaitExactFrame(String frame, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.seen.contains(frame)) {
				return true;
			}
			Thread.sleep(20);
		}
		return false;
	}

	/** Every frame received so far (for failure messages). */
	public List<String> received() {
		return List.copyOf(this.seen);
	}

	public boolean isClosed() {
		return this.closed.isDone();
	}

	public void close() {
		if (!isClosed()) {
			this.socket.abort();
		}
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			String frame = this.partial.toString();
			this.partial.setLength(0);
			if (frame.equals("2")) {
				webSocket.sendText("3", true);
			}
			else {
				this.seen.add(frame);
				this.frames.add(frame);
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(null);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(null);
	}

}
