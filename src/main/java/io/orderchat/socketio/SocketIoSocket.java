package io.orderchat.socketio;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/**
 * One client's membership of one namespace.
 *
 * <p>
 * Handlers, middleware and disconnect listeners of one socket run one at a time, in
 * arrival order, on virtual threads, and may block; an exception thrown by a handler is
 * passed to the server's {@link ErrorHandler} and never closes the connection. Emits
 * never block.
 *
 * <p>
 * Emit arguments are converted with Jackson (records, maps, lists, strings, numbers,
 * {@link JsonNode}s); {@code byte[]} and {@code ByteBuffer} values anywhere in them are
 * sent as binary attachments. Incoming binary attachments appear as Jackson
 * {@code BinaryNode}s.
 */
public interface SocketIoSocket {

	/** The socket id, also the name of a room only this socket is in. */
	String id();

	Namespace namespace();

	Handshake handshake();

	/** A per-socket value, typically set by middleware; {@code null} if absent. */
	<T> T attribute(String key);

	void attribute(String key, Object value);

	/** Sets the handler of {@code event}, replacing any previous one. */
	void on(String event, EventHandler handler);

	/** Sets the handler of events that have no handler of their own. */
	void onAny(AnyEventHandler handler);

	/**
	 * Adds a listener told once when the socket leaves the namespace, with socket.io's
	 * reason: "client namespace disconnect", "server namespace disconnect", "transport
	 * close", "transport error", "ping timeout", "parse error", "forced close", "server
	 * shutting down" or "outbound queue overflow".
	 */
	void onDisconnect(Consumer<String> reasonListener);

	void join(String room);

	void leave(String room);

	/** The rooms this socket is in, including its own id. */
	Set<String> rooms();

	void emit(String event, Object... args);

	/**
	 * Emits an event the client must acknowledge. The future completes with the ack's
	 * arguments, or exceptionally with {@link java.util.concurrent.TimeoutException} when
	 * {@code timeout} passes and {@link IllegalStateException} if the socket is or gets
	 * disconnected first. Dependent stages run on a virtual thread of their own.
	 */
	CompletableFuture<JsonNode[]> emitWithAck(Duration timeout, String event, Object... args);

	/** Targets the sockets in any of {@code rooms}, except this one. */
	BroadcastOperator to(String... rooms);

	/**
	 * Removes the socket from its namespace (the client gets a DISCONNECT); with
	 * {@code closeTransport} the whole connection is closed, other namespaces included.
	 */
	void disconnect(boolean closeTransport);

	boolean connected();

	/**
	 * Whether the client is behind on reading what was sent to it (or the server as a
	 * whole holds too much for its clients): large answers should be refused, not
	 * produced, while this holds. Cheap enough to ask on every request.
	 */
	boolean congested();

}
