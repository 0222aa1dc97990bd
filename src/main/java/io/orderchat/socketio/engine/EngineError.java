package io.orderchat.socketio.engine;

/**
 * The errors an Engine.IO server answers a bad request with, with the codes, messages and
 * HTTP statuses of the reference implementation: the body is
 * {@code {"code":<code>,"message":"<message>"}}; refusals over the server's limits
 * ({@link HandshakeGuard}) are this project's own, with 429 or 503.
 */
public enum EngineError {

	UNKNOWN_TRANSPORT(0, "Transport unknown", 400), UNKNOWN_SID(1, "Session ID unknown", 400),
	BAD_HANDSHAKE_METHOD(2, "Bad handshake method", 400), BAD_REQUEST(3, "Bad request", 400),
	FORBIDDEN(4, "Forbidden", 403), UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version", 400),
	/*
	 * Refusals of new sessions over the server's limits: code 4 like the reference
	 * server's refusals by allowRequest, with the status that says why.
	 */
	TOO_MANY_HANDSHAKES(4, "Too many connection attempts from this address; try again shortly", 429),
	TOO_MANY_SESSIONS(4, "Too many open connections from this address", 429),
	TOO_MANY_PENDING(4, "Too many connections waiting to sign in; try again shortly", 503);

	private final int code;

	private final String message;

	private final int status;

	EngineError(int code, String message, int status) {
		this.code = code;
		this.message = message;
		this.status = status;
	}

	public int status() {
		return this.status;
	}

	public String message() {
		return this.message;
	}

	/** Whether the client may try again later: the server was over a limit. */
	public boolean retryLater() {
		return this.status == 429 || this.status == 503;
	}

	/** The JSON body of the error response. */
	public String body() {
		return "{\"code\":" + this.code + ",\"message\":\"" + this.message + "\"}";
	}

}
