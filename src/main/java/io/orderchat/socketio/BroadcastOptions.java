package io.orderchat.socketio;

import java.util.Set;

/**
 * Who a broadcast is for.
 *
 * @param rooms the sockets in any of these rooms; empty means every socket
 * @param except minus the sockets in any of these rooms
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except) {

	public BroadcastOptions {
		rooms = Set.copyOf(rooms);
		except = Set.copyOf(except);
	}

}
