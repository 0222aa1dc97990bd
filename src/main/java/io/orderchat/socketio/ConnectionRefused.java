package io.orderchat.socketio;

/**
 * Thrown by a {@link Middleware} to refuse a socket. The client receives a CONNECT_ERROR
 * packet {@code {"message": message, "data": data}} (data omitted when {@code null}),
 * which socket.io-client raises as {@code connect_error} with {@code err.data}.
 */
public class ConnectionRefused extends Exception {

	private final transient Object data;

	public ConnectionRefused(String message) {
		this(message, null);
	}

	public ConnectionRefused(String message, Object data) {
		super(message, null, false, false);
		this.data = data;
	}

	/** Extra data for the client, converted to JSON; may be {@code null}. */
	public Object data() {
		return this.data;
	}

}
