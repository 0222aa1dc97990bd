package io.orderchat.socketio.engine;

/**
 * The receiving side of a WebSocket: the binding forwards each frame and the end of the
 * connection here, one call at a time in arrival order.
 */
public interface WebSocketHandler {

	void onText(String text);

	void onBinary(byte[] data);

	/** The connection is gone, closed by either side or failed. */
	void onClose();

}
