package io.orderchat.realtime.presence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Presence of one node: connections per user in memory.
 *
 * <p>
 * A user holds a few connections, mostly one: each user's set is an immutable copy
 * replaced inside the map's {@code compute} for that user (which serialises changes to
 * it), not a concurrent set per user — an idle connection costs a few dozen bytes here.
 */
public final class InMemoryPresence implements Presence {

	private final ConcurrentHashMap<String, Set<String>> connectionsByUser = new ConcurrentHashMap<>();

	@Override
	public boolean connected(String userId, String connectionId) {
		boolean[] cameOnline = { false };
		this.connectionsByUser.compute(userId, (user, connections) -> {
			cameOnline[0] = (connections == null);
			return with(connections, connectionId);
		});
		return cameOnline[0];
	}

	@Override
	public boolean disconnected(String userId, String connectionId) {
		boolean[] wentOffline = { false };
		this.connectionsByUser.computeIfPresent(userId, (user, connections) -> {
			Set<String> left = without(connections, connectionId);
			wentOffline[0] = (left == null);
			return left;
		});
		return wentOffline[0];
	}

	/** {@code connections} with {@code id}: the same set if it has it, else a new one. */
	private static Set<String> with(Set<String> connections, String id) {
		if (connections == null) {
			return Set.of(id);
		}
		if (connections.contains(id)) {
			return connections;
		}
		String[] ids = connections.toArray(new String[connections.size() + 1]);
		ids[connections.size()] = id;
		return Set.of(ids);
	}

	/** {@code connections} without {@code id}, or {@code null} if none is left. */
	private static Set<String> without(Set<String> connections, String id) {
		if (!connections.contains(id)) {
			return connections;
		}
		if (connections.size() == 1) {
			return null;
		}
		return Set.of(connections.stream().filter((other) -> !other.equals(id)).toArray(String[]::new));
	}

	@Override
	public boolean isOnline(String userId) {
		return this.connectionsByUser.containsKey(userId);
	}

	@Override
	public Map<String, Integer> connections(Collection<String> userIds) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String userId : userIds) {
			Set<String> connections = this.connectionsByUser.get(userId);
			counts.put(userId, (connections != null) ? connections.size() : 0);
		}
		return counts;
	}

	@Override
	public Set<String> online(Collection<String> userIds) {
		return userIds.stream().filter(this::isOnline).collect(Collectors.toUnmodifiableSet());
	}

}
