package io.orderchat.socketio;

import java.util.IntSummaryStatistics;
import java.util.Set;

/**
 * One namespace's room membership and broadcast, like socket.io-adapter: the seam where a
 * multi-node implementation (Redis pub/sub) replaces the in-memory default.
 *
 * <p>
 * Delivery guarantee: at most once, in order per (sender thread, target socket). A
 * broadcast reaches the sockets that are members of the targeted rooms on each node when
 * that node processes it; sockets joining or leaving concurrently may or may not receive
 * it. A target whose outbound queue is full is disconnected rather than slowing the
 * broadcast; nothing is retried or persisted.
 *
 * <p>
 * Implementations must be thread-safe and must not block in {@link #broadcast}.
 */
public interface Adapter {

	/** Adds a socket to rooms. */
	void addAll(String socketId, Set<String> rooms);

	/** Removes a socket from one room. */
	void del(String socketId, String room);

	/** Removes a socket from every room (it left the namespace). */
	void delAll(String socketId);

	/**
	 * Delivers an encoded packet to the sockets in any of {@code options.rooms()} (every
	 * socket if empty) except those in any of {@code options.except()}, each at most
	 * once.
	 */
	void broadcast(EncodedPacket packet, BroadcastOptions options);

	/**
	 * Whether any socket, on any node, is in {@code room}; a multi-node implementation
	 * that cannot tell cheaply answers {@code true}. Must be cheap: it is asked before
	 * every broadcast's encoding.
	 */
	boolean hasSockets(String room);

	/** The ids of this node's sockets in any of {@code rooms} (every socket if empty). */
	Set<String> sockets(Set<String> rooms);

	/**
	 * How many of this node's sockets are in each of its rooms, summed up (for metrics).
	 */
	IntSummaryStatistics roomSizes();

	/** The rooms a socket of this node is in. */
	Set<String> socketRooms(String socketId);

	/** Releases resources when the server closes. */
	default void close() {
	}

}
