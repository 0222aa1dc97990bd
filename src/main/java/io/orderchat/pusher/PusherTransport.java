package io.orderchat.pusher;

/**
 * The WebSocket under one {@link PusherConnection}, implemented by the servlet binding.
 * Both methods may be called from any thread.
 */
public interface PusherTransport {

	/**
	 * Sends one text frame. {@code text} is UTF-8 JSON that other connections may share:
	 * never modified. {@code done} runs once the frame is written or has failed.
	 */
	void send(byte[] text, Runnable done);

	/** Closes the WebSocket with a close code (4000–4999 for Pusher's own). */
	void close(int code, String reason);

}
