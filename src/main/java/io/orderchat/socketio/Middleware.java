package io.orderchat.socketio;

/**
 * Decides whether a socket may join a namespace, typically from
 * {@link SocketIoSocket#handshake()}; it may also set attributes on the socket.
 */
@FunctionalInterface
public interface Middleware {

	/**
	 * @throws ConnectionRefused to refuse the socket: the client gets
	 * {@code connect_error} with the exception's message and data
	 */
	void handle(SocketIoSocket socket) throws ConnectionRefused;

}
