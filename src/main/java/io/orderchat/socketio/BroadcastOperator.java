package io.orderchat.socketio;

/**
 * An immutable broadcast target: each method returns a new operator. The packet is
 * encoded once and written to every target's queue; a slow target never delays others.
 */
public interface BroadcastOperator {

	/** Adds rooms: the target is the sockets in any of the rooms given so far. */
	BroadcastOperator to(String... rooms);

	/** Excludes the sockets in any of {@code rooms}. */
	BroadcastOperator except(String... rooms);

	void emit(String event, Object... args);

}
