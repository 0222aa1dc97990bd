package io.orderchat.webhooks;

import java.util.Collection;
import java.util.Set;

/**
 * Who has an open connection now: the realtime side implements it from its presence
 * registry, so that this module knows nothing of sockets.
 */
public interface OnlineUsers {

	/** The subset of {@code userIds} that is online now. */
	Set<String> online(Collection<String> userIds);

}
