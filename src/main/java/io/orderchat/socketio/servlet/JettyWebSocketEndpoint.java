package io.orderchat.socketio.servlet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.orderchat.socketio.engine.EnginePacket;
import io.orderchat.socketio.engine.EngineRequest;
import io.orderchat.socketio.engine.EngineServer;
import io.orderchat.socketio.engine.WebSocketChannel;
import io.orderchat.socketio.engine.WebSocketHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * One WebSocket on Jetty's WebSocket core, with no annotated-endpoint layer between: the
 * upgrade request is not kept, messages are assembled here, and outgoing packets become
 * frames whose payload bytes every recipient of a broadcast shares. Several packets sent
 * together are batched into one network write.
 *
 * <p>
 * Data frames go straight to the connection's frame flusher, skipping the session's own
 * outgoing chain (state check, a flusher queue, fragmentation, the extension stack, two
 * callback wrappers): with no extension negotiated and a frame within the maximum frame
 * size, that chain changes nothing about the bytes, and it was a third of a broadcast's
 * per-frame cost. Frames it would fragment take the session's path, and no frame goes
 * straight while such a message is still being written, so fragments are never
 * interleaved. The flusher still orders everything, control frames included, and fails
 * frames enqueued after the close frame.
 */
final class JettyWebSocketEndpoint implements FrameHandler, WebSocketChannel {

	private final EngineServer engine;

	private EngineRequest request;

	private volatile CoreSession session;

	/**
	 * The connection's frame flusher for data frames, {@code null} when an extension must
	 * see them (or the session is not Jetty's own).
	 */
	private volatile WebSocketConnection connection;

	/** Sends on the session's own path whose frames are not all written yet. */
	private final AtomicInteger sessionPathWrites = new AtomicInteger();

	private WebSocketHandler handler;

	/** A fragmented message being received, {@code null} between messages. */
	private MessageAssembly assembly;

	JettyWebSocketEndpoint(EngineServer engine, EngineRequest request) {
		this.engine = engine;
		this.request = request;
	}

	@Override
	public void onOpen(CoreSession coreSession, Callback callback) {
		this.session = coreSession;
		long maxPayload = this.engine.options().maxPayload();
		coreSession.setMaxFrameSize(maxPayload);
		coreSession.setMaxTextMessageSize(maxPayload);
		coreSession.setMaxBinaryMessageSize(maxPayload);
		// The engine's heartbeat detects dead peers; Jetty's idle timeout is only a
		// backstop.
		coreSession.setIdleTimeout(this.engine.options()
			.pingInterval()
			.plus(this.engine.options().pingTimeout())
			.plus(this.engine.options().pingTimeout()));
		if (coreSession instanceof WebSocketCoreSession core && core.getNegotiatedExtensions().isEmpty()) {
			this.connection = core.getConnection();
		}
		this.handler = this.engine.openWebSocket(this.request, this);
		this.request = null;
		callback.succeeded();
		coreSession.demand();
	}

	@Override
	public void onFrame(Frame frame, Callback callback) {
		// The payload is only valid until the callback completes: read it first.
		Runnable delivery = null;
		CloseStatus refusal = null;
		switch (frame.getOpCode()) {
			case OpCode.TEXT, OpCode.BINARY -> {
				if (frame.isFin()) {
					delivery = deliver(frame.getOpCode(), frame.getPayload());
					refusal = (delivery == null) ? badUtf8() : null;
				}
				else {
					this.assembly = new MessageAssembly(frame.getOpCode());
					refusal = append(frame);
				}
			}
			case OpCode.CONTINUATION -> {
				refusal = append(frame);
				if (refusal == null && frame.isFin()) {
					MessageAssembly done = this.assembly;
					this.assembly = null;
					delivery = deliver(done.opCode(), done.bytes());
					refusal = (delivery == null) ? badUtf8() : null;
				}
			}
			case OpCode.PING ->
				this.session.sendFrame(new Frame(OpCode.PONG, copy(frame.getPayload())), Callback.NOOP, false);
			case OpCode.CLOSE -> {
				// Jetty answers it and then calls onClosed; nothing more to read.
				callback.succeeded();
				return;
			}
			default -> {
				// PONG: nothing to do.
			}
		}
		callback.succeeded();
		if (refusal != null) {
			this.session.close(refusal.getCode(), refusal.getReason(), Callback.NOOP);
			return;
		}
		if (delivery != null) {
			delivery.run();
		}
		this.session.demand();
	}

	/**
	 * Decodes a whole message now and returns its delivery, or {@code null} if a text
	 * message is not valid UTF-8.
	 */
	private Runnable deliver(byte opCode, ByteBuffer payload) {
		if (opCode == OpCode.BINARY) {
			byte[] data = copy(payload).array();
			return () -> this.handler.onBinary(data);
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder().decode(payload).toString();
			return () -> this.handler.onText(text);
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private CloseStatus append(Frame frame) {
		if (this.assembly == null) {
			return new CloseStatus(CloseStatus.PROTOCOL, "continuation without a message");
		}
		if (!this.assembly.append(frame.getPayload(), this.engine.options().maxPayload())) {
			this.assembly = null;
			return new CloseStatus(CloseStatus.MESSAGE_TOO_LARGE, "message too large");
		}
		return null;
	}

	private static CloseStatus badUtf8() {
		return new CloseStatus(CloseStatus.BAD_PAYLOAD, "invalid UTF-8");
	}

	@Override
	public void onError(Throwable cause, Callback callback) {
		closed();
		callback.succeeded();
	}

	@Override
	public void onClosed(CloseStatus closeStatus, Callback callback) {
		closed();
		callback.succeeded();
	}

	private void closed() {
		if (this.handler != null) {
			this.handler.onClose();
		}
	}

	@Override
	public void send(List<EnginePacket> packets, WriteCallback callback) {
		WebSocketConnection direct = this.connection;
		if (direct != null && this.sessionPathWrites.get() == 0 && withinFrameSize(packets)) {
			sendDirect(direct, packets, callback);
		}
		else {
			sendOnSession(packets, callback);
		}
	}

	private boolean withinFrameSize(List<EnginePacket> packets) {
		long max = this.session.getMaxFrameSize();
		if (max <= 0) {
			return true;
		}
		for (EnginePacket packet : packets) {
			if (packet.webSocketPayload().length > max) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Batched frames wait in the flusher's aggregation buffer; the last one, not batched,
	 * writes them all at once. Its callback completes after all of them.
	 */
	private static void sendDirect(WebSocketConnection connection, List<EnginePacket> packets, WriteCallback callback) {
		int last = packets.size() - 1;
		for (int i = 0; i < last; i++) {
			connection
				.enqueueFrame(new OutgoingEntry.Builder(frame(packets.get(i)), Callback.NOOP).batch(true).build());
		}
		connection.enqueueFrame(new OutgoingEntry.Builder(frame(packets.get(last)), new Callback() {

			@Override
			public void succeeded() {
				callback.succeeded();
			}

			@Override
			public void failed(Throwable cause) {
				callback.failed(cause);
			}

		}).build());
	}

	private void sendOnSession(List<EnginePacket> packets, WriteCallback callback) {
		CoreSession current = this.session;
		int last = packets.size() - 1;
		this.sessionPathWrites.incrementAndGet();
		for (int i = 0; i < last; i++) {
			current.sendFrame(frame(packets.get(i)), Callback.NOOP, true);
		}
		current.sendFrame(frame(packets.get(last)), new Callback() {

			@Override
			public void succeeded() {
				JettyWebSocketEndpoint.this.sessionPathWrites.decrementAndGet();
				callback.succeeded();
			}

			@Override
			public void failed(Throwable cause) {
				JettyWebSocketEndpoint.this.sessionPathWrites.decrementAndGet();
				callback.failed(cause);
			}

		}, false);
	}

	private static Frame frame(EnginePacket packet) {
		return new Frame(packet.isBinary() ? OpCode.BINARY : OpCode.TEXT, ByteBuffer.wrap(packet.webSocketPayload()));
	}

	@Override
	public void close() {
		CoreSession current = this.session;
		if (current != null && current.isOutputOpen()) {
			current.close(CloseStatus.NORMAL, null, Callback.NOOP);
		}
	}

	private static ByteBuffer copy(ByteBuffer payload) {
		ByteBuffer copy = ByteBuffer.allocate((payload != null) ? payload.remaining() : 0);
		if (payload != null) {
			copy.put(payload.slice());
		}
		return copy.flip();
	}

	/** The frames of one fragmented message so far, bounded by the maximum payload. */
	private static final class MessageAssembly {

		private final byte opCode;

		private byte[] bytes = new byte[256];

		private int length;

		MessageAssembly(byte opCode) {
			this.opCode = opCode;
		}

		byte opCode() {
			return this.opCode;
		}

		boolean append(ByteBuffer payload, long limit) {
			int size = (payload != null) ? payload.remaining() : 0;
			if ((long) this.length + size > limit) {
				return false;
			}
			if (this.length + size > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.length + size, this.bytes.length * 2));
			}
			if (size > 0) {
				payload.slice().get(this.bytes, this.length, size);
			}
			this.length += size;
			return true;
		}

		ByteBuffer bytes() {
			return ByteBuffer.wrap(this.bytes, 0, this.length);
		}

	}

}
