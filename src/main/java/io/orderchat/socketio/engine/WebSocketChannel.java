package io.orderchat.socketio.engine;

import java.util.List;

/**
 * The sending side of an open WebSocket, implemented by the web-server binding.
 *
 * <p>
 * Sends are asynchronous and may be called from any thread; calls made one after another
 * are written in that order. The callback is run once the frame is written or has failed,
 * possibly on the calling thread.
 */
public interface WebSocketChannel {

	/**
	 * Writes the packets as frames, in order, in as few network writes as the web server
	 * allows; the callback runs once, after the last frame is written or when writing
	 * failed.
	 */
	void send(List<EnginePacket> packets, WriteCallback callback);

	/** Closes the WebSocket normally, after the frames already sent. */
	void close();

	/** The outcome of one asynchronous write. */
	interface WriteCallback {

		void succeeded();

		void failed(Throwable cause);

	}

}
