package io.orderchat.socketio.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket that records what the engine sends: text frames as {@code String}s, binary
 * frames as {@code byte[]}s. A stalled socket never completes its writes, like a client
 * that stopped reading.
 */
public final class FakeWebSocket implements WebSocketChannel {

	private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();

	private final boolean stalled;

	private volatile boolean closed;

	private WebSocketHandler handler;

	public FakeWebSocket() {
		this(false);
	}

	public FakeWebSocket(boolean stalled) {
		this.stalled = stalled;
	}

	/** Opens this socket on {@code engine} with the given query string. */
	public FakeWebSocket open(EngineServer engine, String query) {
		this.handler = engine.openWebSocket(Requests.webSocket(query), this);
		return this;
	}

	public WebSocketHandler handler() {
		return this.handler;
	}

	/** Sends a text frame to the server. */
	public void send(String text) {
		this.handler.onText(text);
	}

	public void sendBinary(byte[] data) {
		this.handler.onBinary(data);
	}

	@Override
	public void send(List<EnginePacket> packets, WriteCallback callback) {
		for (EnginePacket packet : packets) {
			this.frames.add(packet.isBinary() ? packet.binary() : packet.encode());
		}
		if (!this.stalled) {
			callback.succeeded();
		}
	}

	@Override
	public void close() {
		this.closed = true;
	}

	public boolean isClosed() {
		return this.closed;
	}

	/** The next frame, waiting up to two seconds; {@code null} if none came. */
	public Object next() throws InterruptedException {
		return this.frames.poll(2, TimeUnit.SECONDS);
	}

	/** The next text frame that is not a ping. */
	public String nextText() throws InterruptedException {
		Object frame;
		do {
			frame = next();
		}
		while ("2".equals(frame));
		return (String) frame;
	}

	/** Whatever arrives within {@code wait}, pings excluded. */
	public List<Object> drain(Duration wait) throws InterruptedException {
		Thread.sleep(wait.toMillis());
		List<Object> all = new ArrayList<>();
		this.frames.drainTo(all);
		all.removeIf("2"::equals);
		return all;
	}

	/** Waits up to two seconds for the server to close this socket. */
	public boolean awaitClosed() throws InterruptedException {
		for (int i = 0; i < 200 && !this.closed; i++) {
			Thread.sleep(10);
		}
		return this.closed;
	}

}
