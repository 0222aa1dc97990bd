package io.orderchat.socketio;

import java.time.Instant;

/**
 * An immutable broadcast target: each method returns a new operator. The packet is
 * encoded once and written to every target's queue; a slow target never delays others.
 */
public interface BroadcastOperator {

	/** Adds rooms: the target is the sockets in any of the rooms given so far. */
	BroadcastOperator to(String... rooms);

	/** Excludes the sockets in any of {@code rooms}. */
	BroadcastOperator except(String... rooms);

	/**
	 * Times the packets emitted from here on from {@code origin} (e.g. when the message
	 * they carry was stored): their socket writes are reported to
	 * {@link io.orderchat.socketio.engine.EngineServer#onTimedWrite}.
	 */
	BroadcastOperator timedFrom(Instant origin);

	void emit(String event, Object... args);

}
