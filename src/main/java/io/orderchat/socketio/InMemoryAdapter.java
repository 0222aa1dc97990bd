package io.orderchat.socketio;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-node {@link Adapter}: room membership in two concurrent maps. Broadcasts
 * take no lock; they see each room as it is while they iterate.
 */
public final class InMemoryAdapter implements Adapter {

	private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> socketRooms = new ConcurrentHashMap<>();

	private final LocalDelivery delivery;

	public InMemoryAdapter(String namespace, LocalDelivery delivery) {
		this.delivery = delivery;
	}

	@Override
	public void addAll(String socketId, Set<String> rooms) {
		Set<String> joined = this.socketRooms.computeIfAbsent(socketId, (id) -> ConcurrentHashMap.newKeySet(2));
		for (String room : rooms) {
			joined.add(room);
			this.rooms.computeIfAbsent(room, (name) -> ConcurrentHashMap.newKeySet()).add(socketId);
		}
	}

	@Override
	public void del(String socketId, String room) {
		Set<String> joined = this.socketRooms.get(socketId);
		if (joined != null) {
			joined.remove(room);
		}
		removeFromRoom(socketId, room);
	}

	@Override
	public void delAll(String socketId) {
		Set<String> joined = this.socketRooms.remove(socketId);
		if (joined != null) {
			for (String room : joined) {
				removeFromRoom(socketId, room);
			}
		}
	}

	private void removeFromRoom(String socketId, String room) {
		this.rooms.computeIfPresent(room, (name, members) -> {
			members.remove(socketId);
			return members.isEmpty() ? null : members;
		});
	}

	@Override
	public void broadcast(EncodedPacket packet, BroadcastOptions options) {
		Set<String> except = options.except().isEmpty() ? Set.of() : sockets(options.except());
		if (options.rooms().isEmpty()) {
			for (String socketId : this.socketRooms.keySet()) {
				deliver(socketId, packet, except);
			}
		}
		else if (options.rooms().size() == 1) {
			Set<String> members = this.rooms.get(options.rooms().iterator().next());
			if (members != null) {
				for (String socketId : members) {
					deliver(socketId, packet, except);
				}
			}
		}
		else {
			for (String socketId : sockets(options.rooms())) {
				deliver(socketId, packet, except);
			}
		}
	}

	private void deliver(String socketId, EncodedPacket packet, Set<String> except) {
		if (!except.contains(socketId)) {
			this.delivery.deliver(socketId, packet);
		}
	}

	@Override
	public Set<String> sockets(Set<String> rooms) {
		if (rooms.isEmpty()) {
			return Set.copyOf(this.socketRooms.keySet());
		}
		Set<String> result = new HashSet<>();
		for (String room : rooms) {
			Set<String> members = this.rooms.get(room);
			if (members != null) {
				result.addAll(members);
			}
		}
		return result;
	}

	@Override
	public Set<String> socketRooms(String socketId) {
		Set<String> joined = this.socketRooms.get(socketId);
		return (joined != null) ? Set.copyOf(joined) : Set.of();
	}

}
