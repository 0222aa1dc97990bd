package io.orderchat.socketio.parser;

/**
 * Input that is not a valid Socket.IO packet; the connection that sent it is closed.
 */
public final class ParseException extends Exception {

	ParseException(String message) {
		super(message, null, false, false);
	}

}
