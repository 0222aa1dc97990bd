package io.orderchat.socketio;

import java.util.IntSummaryStatistics;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Socket.IO namespace: a channel multiplexed on each connection, with its own
 * middleware, sockets and rooms. Thread-safe.
 */
public interface Namespace {

	String name();

	/**
	 * Adds a middleware, run in order for each CONNECT before the socket joins; the first
	 * refusal is sent to the client as {@code connect_error}. Runs on the socket's
	 * virtual thread and may block.
	 */
	void use(Middleware middleware);

	/**
	 * Adds a listener told of each socket that joined, after the middleware accepted it.
	 */
	void onConnection(Consumer<SocketIoSocket> listener);

	/** Targets the sockets in any of {@code rooms}. */
	BroadcastOperator to(String... rooms);

	/** Targets every socket except those in any of {@code rooms}. */
	BroadcastOperator except(String... rooms);

	/** Sends an event to every socket of the namespace. */
	void emit(String event, Object... args);

	/** A socket of this namespace connected to this node. */
	Optional<SocketIoSocket> socket(String id);

	/** The ids of the sockets of this node in {@code room}. */
	Set<String> socketIdsIn(String room);

	/**
	 * Whether a broadcast to {@code room} may reach anyone, on any node: lets a sender
	 * skip encoding for nobody.
	 */
	boolean hasSockets(String room);

	/** The number of sockets connected to this node. */
	int size();

	/** How many sockets of this node are in each room, summed up (for metrics). */
	IntSummaryStatistics roomSizes();

}
