package io.orderchat.pusher.servlet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import io.orderchat.pusher.PusherConnection;
import io.orderchat.pusher.PusherServer;
import io.orderchat.pusher.PusherTransport;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One Pusher WebSocket on Jetty's WebSocket core: whole text messages go to the
 * {@link PusherConnection}, binary ones and invalid UTF-8 are answered as malformed, and
 * outgoing frames share their bytes with every other recipient of the same event. A
 * message over the frame limit closes the connection with 1009: it is never read.
 */
final class JettyPusherEndpoint implements FrameHandler, PusherTransport {

	private final PusherServer server;

	private final String key;

	private final String protocol;

	private volatile CoreSession session;

	private PusherConnection connection;

	/** A fragmented message being received, {@code null} between messages. */
	private ByteArrayOutputStream assembly;

	private byte assemblyOpCode;

	JettyPusherEndpoint(PusherServer server, String key, String protocol) {
		this.server = server;
		this.key = key;
		this.protocol = protocol;
	}

	@Override
	public void onOpen(CoreSession coreSession, Callback callback) {
		this.session = coreSession;
		int limit = this.server.options().maxFrameBytes();
		coreSession.setMaxFrameSize(limit);
		coreSession.setMaxTextMessageSize(limit);
		coreSession.setMaxBinaryMessageSize(limit);
		// The server's heartbeat finds silent clients; Jetty's idle timeout is a
		// backstop.
		coreSession.setIdleTimeout(
				this.server.options().activityTimeout().plus(this.server.options().pongTimeout()).multipliedBy(2));
		callback.succeeded();
		// Opened first, so that a refusal's frame and close go out on an open socket.
		this.connection = this.server.open(this, this.key, this.protocol);
		coreSession.demand();
	}

	@Override
	public void onFrame(Frame frame, Callback callback) {
		// The payload is only valid until the callback completes: copy what is kept.
		byte[] message = null;
		byte opCode = frame.getOpCode();
		boolean tooLarge = false;
		switch (opCode) {
			case OpCode.TEXT, OpCode.BINARY -> {
				if (frame.isFin()) {
					message = bytes(frame.getPayload());
				}
				else {
					this.assembly = new ByteArrayOutputStream();
					this.assemblyOpCode = opCode;
					tooLarge = !append(frame.getPayload());
				}
			}
			case OpCode.CONTINUATION -> {
				if (this.assembly != null) {
					tooLarge = !append(frame.getPayload());
					if (!tooLarge && frame.isFin()) {
						message = this.assembly.toByteArray();
						opCode = this.assemblyOpCode;
						this.assembly = null;
					}
				}
			}
			case OpCode.CLOSE -> {
				// Jetty answers it and then calls onClosed.
				callback.succeeded();
				return;
			}
			case OpCode.PING -> this.session
				.sendFrame(new Frame(OpCode.PONG, ByteBuffer.wrap(bytes(frame.getPayload()))), Callback.NOOP, false);
			default -> {
				// PONG: nothing to do.
			}
		}
		callback.succeeded();
		if (tooLarge) {
			this.assembly = null;
			this.session.close(CloseStatus.MESSAGE_TOO_LARGE, "message too large", Callback.NOOP);
			return;
		}
		if (message != null) {
			deliver(opCode, message);
		}
		this.session.demand();
	}

	private void deliver(byte opCode, byte[] message) {
		if (opCode == OpCode.BINARY) {
			this.connection.receiveUnreadable("binary frames are not part of the protocol");
			return;
		}
		try {
			this.connection.receive(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(message)).toString());
		}
		catch (CharacterCodingException ex) {
			this.connection.receiveUnreadable("not UTF-8");
		}
	}

	private boolean append(ByteBuffer payload) {
		byte[] bytes = bytes(payload);
		if (this.assembly.size() + bytes.length > this.server.options().maxFrameBytes()) {
			return false;
		}
		this.assembly.writeBytes(bytes);
		return true;
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
		if (this.connection != null) {
			this.connection.closed();
		}
	}

	@Override
	public void send(byte[] text, Runnable done) {
		this.session.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(text)), new Callback() {

			@Override
			public void succeeded() {
				done.run();
			}

			@Override
			public void failed(Throwable cause) {
				done.run();
			}

		}, false);
	}

	@Override
	public void close(int code, String reason) {
		CoreSession current = this.session;
		if (current != null && current.isOutputOpen()) {
			current.close(code, reason, Callback.NOOP);
		}
	}

	private static byte[] bytes(ByteBuffer payload) {
		if (payload == null) {
			return new byte[0];
		}
		byte[] bytes = new byte[payload.remaining()];
		payload.slice().get(bytes);
		return bytes;
	}

}
