package io.orderchat.socketio.servlet;

import java.nio.ByteBuffer;

import io.orderchat.socketio.engine.EngineRequest;
import io.orderchat.socketio.engine.EngineServer;
import io.orderchat.socketio.engine.WebSocketChannel;
import io.orderchat.socketio.engine.WebSocketHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Adapts one Jetty WebSocket session to the engine: frames in go to the engine's
 * {@link WebSocketHandler}, frames out are sent asynchronously through Jetty's own
 * outgoing queue. Public only because Jetty calls its listener methods reflectively.
 */
public final class JettyWebSocketEndpoint implements Session.Listener.AutoDemanding, WebSocketChannel {

	private final EngineServer engine;

	private final EngineRequest request;

	private volatile Session session;

	private WebSocketHandler handler;

	private volatile Adapted adapted;

	JettyWebSocketEndpoint(EngineServer engine, EngineRequest request) {
		this.engine = engine;
		this.request = request;
	}

	@Override
	public void onWebSocketOpen(Session session) {
		this.session = session;
		long maxPayload = this.engine.options().maxPayload();
		session.setMaxTextMessageSize(maxPayload);
		session.setMaxBinaryMessageSize(maxPayload);
		// The engine's heartbeat detects dead peers; Jetty's idle timeout is only a
		// backstop.
		session.setIdleTimeout(this.engine.options()
			.pingInterval()
			.plus(this.engine.options().pingTimeout())
			.plus(this.engine.options().pingTimeout()));
		this.handler = this.engine.openWebSocket(this.request, this);
	}

	@Override
	public void onWebSocketText(String message) {
		this.handler.onText(message);
	}

	@Override
	public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
		byte[] data = new byte[payload.remaining()];
		payload.get(data);
		callback.succeed();
		this.handler.onBinary(data);
	}

	@Override
	public void onWebSocketClose(int statusCode, String reason) {
		if (this.handler != null) {
			this.handler.onClose();
		}
	}

	@Override
	public void onWebSocketError(Throwable cause) {
		if (this.handler != null) {
			this.handler.onClose();
		}
	}

	@Override
	public void sendText(String text, WriteCallback callback) {
		this.session.sendText(text, adapt(callback));
	}

	@Override
	public void sendBinary(byte[] data, WriteCallback callback) {
		this.session.sendBinary(ByteBuffer.wrap(data), adapt(callback));
	}

	@Override
	public void close() {
		Session current = this.session;
		if (current != null && current.isOpen()) {
			current.close();
		}
	}

	private Callback adapt(WriteCallback callback) {
		// Sessions send with one callback instance each: adapt it once, not per frame.
		Adapted last = this.adapted;
		if (last != null && last.callback() == callback) {
			return last.jetty();
		}
		Callback jetty = new Callback() {

			@Override
			public void succeed() {
				callback.succeeded();
			}

			@Override
			public void fail(Throwable cause) {
				callback.failed(cause);
			}

		};
		this.adapted = new Adapted(callback, jetty);
		return jetty;
	}

	private record Adapted(WriteCallback callback, Callback jetty) {
	}

}
