package io.orderchat.realtime.presence;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who is online. A user is online while at least one of their connections is open, on any
 * node that shares this registry; several devices of one user count as one presence.
 * <p>
 * Transitions are reported exactly once per registry: {@link #connected} answers
 * {@code true} only for the connection that brought the user online,
 * {@link #disconnected} only for the one that took the last connection away.
 */
public interface Presence {

	/** Records an open connection; {@code true} when the user was offline until now. */
	boolean connected(String userId, String connectionId);

	/** Records a closed connection; {@code true} when it was the user's last one. */
	boolean disconnected(String userId, String connectionId);

	boolean isOnline(String userId);

	/** The subset of {@code userIds} that is online now. */
	Set<String> online(Collection<String> userIds);

	/**
	 * How many connections each of {@code userIds} has open now, on every node; 0 for one
	 * offline.
	 */
	Map<String, Integer> connections(Collection<String> userIds);

	/**
	 * Called once for each user who went offline without a {@link #disconnected}: their
	 * last connections were on a node that died. A single node never calls it.
	 */
	default void onExpired(Consumer<String> wentOffline) {
	}

}
