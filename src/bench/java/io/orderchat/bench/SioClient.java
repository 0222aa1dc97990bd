package io.orderchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Socket.IO v5 client over Engine.IO v4 frames on a raw WebSocket: answers the server's
 * pings, connects to the main namespace with an {@code auth} object, emits events with or
 * without an ack id, and hands incoming events and acks to its {@link Handler} as bytes.
 */
final class SioClient implements WsConnection.Listener {

	interface Handler {

		/** Ignores everything (idle connections, connect storms). */
		Handler NONE = new Handler() {
		};

		default void onConnected(SioClient client) {
		}

		default void onConnectError(SioClient client, String reason) {
		}

		/** The JSON array of a {@code 42} packet, as bytes valid only during the call. */
		default void onEvent(SioClient client, byte[] data, int offset, int length) {
		}

		/** The JSON array of a {@code 43<id>} packet. */
		default void onAck(SioClient client, int id, byte[] data, int offset, int length) {
		}

		default void onClosed(SioClient client, Throwable cause) {
		}

	}

	static final String PATH = "/socket.io/?EIO=4&transport=websocket";

	private static final byte[] PONG = { '3' };

	// BENCH_TRACE=1 prints what the first client receives: for debugging a protocol mismatch
	private static final boolean TRACE = System.getenv("BENCH_TRACE") != null;

	private final int index;

	private final EventLoop loop;

	// The whole WebSocket frame of the namespace connect, built before the clock starts.
	private final byte[] connectFrame;

	private final Handler handler;

	private final AtomicInteger nextAckId = new AtomicInteger();

	private volatile WsConnection connection;

	private volatile boolean connected;

	final long startedNanos;

	volatile long connectedNanos;

	private SioClient(EventLoop loop, int index, String authJson, Handler handler) {
		this.loop = loop;
		this.index = index;
		this.connectFrame = WsConnection
			.textFrame(("40" + ((authJson != null) ? authJson : "")).getBytes(StandardCharsets.UTF_8));
		this.handler = handler;
		this.startedNanos = System.nanoTime();
	}

	/**
	 * Opens a client; {@code upgradeRequest} is {@link #upgradeRequest} of the address, shared by
	 * every client of that server.
	 */
	static SioClient connect(EventLoop loop, InetSocketAddress address, byte[] upgradeRequest, int index,
			String authJson, Handler handler) throws IOException {
		SioClient client = new SioClient(loop, index, authJson, handler);
		client.connection = WsConnection.open(loop, address, upgradeRequest, client);
		return client;
	}

	/** The WebSocket upgrade request of the Socket.IO endpoint at {@code address}. */
	static byte[] upgradeRequest(InetSocketAddress address) {
		return WsConnection.upgradeRequest(address, PATH);
	}

	int index() {
		return this.index;
	}

	/** The loop whose thread reads this client. */
	EventLoop loop() {
		return this.loop;
	}

	boolean isConnected() {
		return this.connected && !this.connection.isClosed();
	}

	@Override
	public void onOpen(WsConnection connection) {
		// Engine.IO sends its open packet first; the namespace connect follows it.
	}

	@Override
	public void onText(WsConnection connection, byte[] data, int offset, int length) {
		if (length == 0) {
			return;
		}
		if (TRACE && this.index == 0) {
			System.err.println("client 0 <- " + new String(data, offset, Math.min(length, 300), StandardCharsets.UTF_8));
		}
		switch (data[offset]) {
			case '0' -> connection.sendFrame(this.connectFrame);
			case '2' -> connection.sendText(PONG);
			case '4' -> message(data, offset + 1, length - 1);
			case '1' -> connection.close();
			default -> {
				// noop / upgrade packets do not occur on a pure WebSocket session
			}
		}
	}

	private void message(byte[] data, int offset, int length) {
		if (length == 0) {
			return;
		}
		switch (data[offset]) {
			case '0' -> {
				this.connectedNanos = System.nanoTime();
				this.connected = true;
				this.handler.onConnected(this);
			}
			case '2' -> this.handler.onEvent(this, data, offset + 1, length - 1);
			case '3' -> {
				int position = offset + 1;
				int end = offset + length;
				int id = 0;
				while (position < end && data[position] >= '0' && data[position] <= '9') {
					id = id * 10 + (data[position++] - '0');
				}
				this.handler.onAck(this, id, data, position, end - position);
			}
			case '4' -> {
				this.handler.onConnectError(this, new String(data, offset + 1, length - 1, StandardCharsets.UTF_8));
				this.connection.close();
			}
			case '1' -> this.connection.close();
			default -> {
				// binary events are not used by the benchmarks
			}
		}
	}

	/** Emits {@code 42<json>}; {@code json} is the event's argument array. */
	void emit(String json) {
		this.connection.sendText(("42" + json).getBytes(StandardCharsets.UTF_8));
	}

	/** Emits {@code 42<id><json>} and answers the ack id. */
	int emitWithAck(String json) {
		int id = reserveAckId();
		emitWithAck(id, json);
		return id;
	}

	/** The id of the next acknowledged emit, so that a caller can note the send before it goes out. */
	int reserveAckId() {
		return this.nextAckId.getAndIncrement();
	}

	void emitWithAck(int id, String json) {
		this.connection.sendText(("42" + id + json).getBytes(StandardCharsets.UTF_8));
	}

	void close() {
		this.connected = false;
		this.connection.close();
	}

	@Override
	public void onClosed(WsConnection connection, Throwable cause) {
		this.connected = false;
		this.handler.onClosed(this, cause);
	}

	/** Finds {@code needle} in the bytes, or -1. */
	static int indexOf(byte[] data, int from, int to, byte[] needle) {
		byte first = needle[0];
		outer: for (int i = from; i <= to - needle.length; i++) {
			if (data[i] != first) {
				continue;
			}
			for (int j = 1; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Parses the decimal number at {@code from}; stops at the first non-digit. */
	static long number(byte[] data, int from, int to) {
		long value = 0;
		for (int i = from; i < to && data[i] >= '0' && data[i] <= '9'; i++) {
			value = value * 10 + (data[i] - '0');
		}
		return value;
	}

}
