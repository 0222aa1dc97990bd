package io.orderchat.socketio.engine;

/**
 * The sending side of an open WebSocket, implemented by the web-server binding.
 *
 * <p>
 * Sends are asynchronous and may be called from any thread; calls made one after another
 * by one thread are written in that order. The callback is run once the frame is written
 * or has failed, possibly on the calling thread.
 */
public interface WebSocketChannel {

	void sendText(String text, WriteCallback callback);

	void sendBinary(byte[] data, WriteCallback callback);

	/** Closes the WebSocket normally, after the frames already sent. */
	void close();

	/** The outcome of one asynchronous write. */
	interface WriteCallback {

		void succeeded();

		void failed(Throwable cause);

	}

}
