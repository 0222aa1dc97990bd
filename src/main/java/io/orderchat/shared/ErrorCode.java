package io.orderchat.shared;

/**
 * Every error a client can see, on REST and on the socket. The {@link #name() name} is
 * the stable wire code; the HTTP status is what REST answers with.
 */
public enum ErrorCode {

	/** No token, or a token that does not verify. */
	UNAUTHENTICATED(401),

	/** The token's {@code exp} has passed. */
	TOKEN_EXPIRED(401),

	/**
	 * The user was signed out everywhere after the token was issued: a token of theirs
	 * from before that instant (or one without {@code iat}) is refused.
	 */
	TOKEN_REVOKED(401),

	/** The caller may not touch that conversation, order or message. */
	FORBIDDEN(403),

	/** No such conversation, order, message or route. */
	NOT_FOUND(404),

	/** The HTTP method is not served on that path. */
	METHOD_NOT_ALLOWED(405),

	/** The request body is not JSON (or not of a type the endpoint reads). */
	UNSUPPORTED_MEDIA_TYPE(415),

	/** The payload is malformed, a field is missing or has the wrong type or value. */
	VALIDATION_FAILED(400),

	/** A message whose content is empty after trimming. */
	CONTENT_EMPTY(400),

	/**
	 * A message over the configured length. 413 rather than 400: the request is well
	 * formed, it is only larger than this server accepts, which is what 413 says.
	 */
	CONTENT_TOO_LONG(413),

	/** A request body over the size limit (REST, other than multipart uploads). */
	PAYLOAD_TOO_LARGE(413),

	/** An uploaded file over the size limit (REST and socket). */
	FILE_TOO_LARGE(413),

	/**
	 * An uploaded file whose bytes are not of an allowed type, whatever its name or
	 * declared type say.
	 */
	UNSUPPORTED_FILE_TYPE(415),

	/** More files in one request than allowed. */
	TOO_MANY_FILES(400),

	/**
	 * A reply whose {@code replyTo} names no message the sender may quote: none with that
	 * seq in the conversation, a deleted one, or an internal note.
	 */
	REPLY_TO_INVALID(400),

	/**
	 * A reaction that is neither one of the fixed set nor exactly one emoji.
	 */
	EMOJI_INVALID(400),

	/** A reaction to a deleted message. */
	MESSAGE_DELETED(409),

	/** An order status change the status machine does not allow. */
	ILLEGAL_TRANSITION(409),

	/** A concurrent change won, or the request clashes with stored state. */
	CONFLICT(409),

	/**
	 * The conversation (a closed support session) accepts no new messages.
	 */
	CONVERSATION_CLOSED(409),

	/**
	 * A legal hold: an open dispute keeps the order's conversation from being cleaned.
	 */
	LEGAL_HOLD(409),

	/** Too many requests too fast. */
	RATE_LIMITED(429),

	/**
	 * The socket's outbound queue is over its budget (the client is not reading): a
	 * request that would produce a large answer is refused until the queue drains. Socket
	 * only; retry later.
	 */
	SLOW_DOWN(429),

	/**
	 * The server cannot store or read right now (database unreachable or too slow). For a
	 * send the outcome is unknown: resend with the same {@code clientId}, which stores it
	 * at most once.
	 */
	UNAVAILABLE(503),

	/** A socket event name the server does not know (socket only). */
	UNKNOWN_COMMAND(400),

	/** A server fault. */
	INTERNAL(500);

	private final int httpStatus;

	ErrorCode(int httpStatus) {
		this.httpStatus = httpStatus;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

}
