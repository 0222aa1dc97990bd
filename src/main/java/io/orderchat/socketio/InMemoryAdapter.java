package io.orderchat.socketio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-node {@link Adapter}: room membership in two concurrent maps. Broadcasts
 * take no lock; they see each room as it is while they iterate.
 *
 * <p>
 * Most rooms and most sockets' room lists are small (a socket's own room, its user's), so
 * a set of up to {@value #SMALL} ids is an immutable copy replaced on change, and only a
 * bigger one becomes a concurrent set: an idle socket then costs a few dozen bytes here,
 * not a concurrent map per room.
 */
public final class InMemoryAdapter implements Adapter {

	private static final int SMALL = 8;

	private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> socketRooms = new ConcurrentHashMap<>();

	private final LocalDelivery delivery;

	public InMemoryAdapter(String namespace, LocalDelivery delivery) {
		this.delivery = delivery;
	}

	@Override
	public void addAll(String socketId, Set<String> rooms) {
		for (String room : rooms) {
			this.socketRooms.compute(socketId, (id, joined) -> with(joined, room));
			this.rooms.compute(room, (name, members) -> with(members, socketId));
		}
	}

	@Override
	public void del(String socketId, String room) {
		// A socket stays known (for broadcasts to everyone) until it leaves the
		// namespace.
		this.socketRooms.computeIfPresent(socketId, (id, joined) -> {
			Set<String> left = without(joined, room);
			return (left != null) ? left : Set.of();
		});
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
		this.rooms.computeIfPresent(room, (name, members) -> without(members, socketId));
	}

	/** {@code set} with {@code id} added: the same set if it is big, else a new copy. */
	private static Set<String> with(Set<String> set, String id) {
		if (set == null) {
			return Set.of(id);
		}
		if (set.contains(id)) {
			return set;
		}
		if (set instanceof ConcurrentHashMap.KeySetView<?, ?>) {
			set.add(id);
			return set;
		}
		if (set.size() < SMALL) {
			String[] ids = set.toArray(new String[set.size() + 1]);
			ids[set.size()] = id;
			return Set.of(ids);
		}
		Set<String> big = ConcurrentHashMap.newKeySet();
		big.addAll(set);
		big.add(id);
		return big;
	}

	/** {@code set} without {@code id}, or {@code null} if nothing is left. */
	private static Set<String> without(Set<String> set, String id) {
		if (!set.contains(id)) {
			return set;
		}
		if (set instanceof ConcurrentHashMap.KeySetView<?, ?>) {
			set.remove(id);
			return set.isEmpty() ? null : set;
		}
		if (set.size() == 1) {
			return null;
		}
		return Set.of(set.stream().filter((member) -> !member.equals(id)).toArray(String[]::new));
	}

	@Override
	public void broadcast(EncodedPacket packet, BroadcastOptions options) {
		this.delivery.deliver(targets(options), packet);
	}

	/**
	 * The sockets in any of the rooms (all if none is named) and in none of the excepted
	 * rooms, each once. A single room with no exception is its own member set; otherwise
	 * a list is filled by checking each id against the sets at hand, so a broadcast to a
	 * big room builds no hash set of its members.
	 */
	private Collection<String> targets(BroadcastOptions options) {
		List<Set<String>> included = new ArrayList<>(Math.max(1, options.rooms().size()));
		if (options.rooms().isEmpty()) {
			included.add(this.socketRooms.keySet());
		}
		else {
			for (String room : options.rooms()) {
				Set<String> members = this.rooms.get(room);
				if (members != null) {
					included.add(members);
				}
			}
		}
		List<Set<String>> excluded = new ArrayList<>(options.except().size());
		for (String room : options.except()) {
			Set<String> members = this.rooms.get(room);
			if (members != null) {
				excluded.add(members);
			}
		}
		if (included.size() == 1 && excluded.isEmpty()) {
			return included.get(0);
		}
		List<String> targets = new ArrayList<>();
		for (int i = 0; i < included.size(); i++) {
			for (String socketId : included.get(i)) {
				if (!inAny(included.subList(0, i), socketId) && !inAny(excluded, socketId)) {
					targets.add(socketId);
				}
			}
		}
		return targets;
	}

	private static boolean inAny(List<Set<String>> sets, String socketId) {
		for (Set<String> set : sets) {
			if (set.contains(socketId)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public IntSummaryStatistics roomSizes() {
		return this.rooms.values().stream().mapToInt(Set::size).summaryStatistics();
	}

	@Override
	public boolean hasSockets(String room) {
		// Rooms are removed when their last socket leaves.
		return this.rooms.containsKey(room);
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
