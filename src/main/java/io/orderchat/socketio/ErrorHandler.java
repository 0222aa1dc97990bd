package io.orderchat.socketio;

/**
 * Told of exceptions thrown by application code (middleware other than a refusal,
 * connection listeners, event handlers). The connection stays open; the handler may
 * answer a requested {@code ack} with an application error. The default logs.
 */
@FunctionalInterface
public interface ErrorHandler {

	/**
	 * @param socket the socket the failing code ran for
	 * @param event the event being handled, or {@code null} outside an event handler
	 * @param error what was thrown
	 * @param ack the event's acknowledgement ({@link Ack#NONE} if none)
	 */
	void handle(SocketIoSocket socket, String event, Throwable error, Ack ack);

}
