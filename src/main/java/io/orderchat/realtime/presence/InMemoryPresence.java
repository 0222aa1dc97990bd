package io.orderchat.realtime.presence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Presence of one node: connections per user in memory. */
public final class InMemoryPresence implements Presence {

	private final ConcurrentHashMap<String, Set<String>> connectionsByUser = new ConcurrentHashMap<>();

	@Override
	public boolean connected(String userId, String connectionId) {
		boolean[] cameOnline = { false };
		this.connectionsByUser.compute(userId, (user, connections) -> {
			Set<String> next = (connections != null) ? connections : ConcurrentHashMap.newKeySet();
			cameOnline[0] = next.isEmpty();
			next.add(connectionId);
			return next;
		});
		return cameOnline[0];
	}

	@Override
	public boolean disconnected(String userId, String connectionId) {
		boolean[] wentOffline = { false };
		this.connectionsByUser.computeIfPresent(userId, (user, connections) -> {
			wentOffline[0] = connections.remove(connectionId) && connections.isEmpty();
			return connections.isEmpty() ? null : connections;
		});
		return wentOffline[0];
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
