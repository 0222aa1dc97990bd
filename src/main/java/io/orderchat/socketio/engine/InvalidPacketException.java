package io.orderchat.socketio.engine;

/**
 * A frame or payload that does not follow the Engine.IO v4 encoding; the session that
 * sent it is closed with the reason "parse error".
 */
final class InvalidPacketException extends Exception {

	InvalidPacketException(String message) {
		super(message, null, false, false);
	}

}
