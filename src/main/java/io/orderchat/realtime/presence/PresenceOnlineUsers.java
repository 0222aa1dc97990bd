package io.orderchat.realtime.presence;

import java.util.Collection;
import java.util.Set;

import io.orderchat.webhooks.OnlineUsers;

import org.springframework.stereotype.Component;

/** Webhooks ask who is online ({@code participant.unread_offline}); presence knows. */
@Component
class PresenceOnlineUsers implements OnlineUsers {

	private final Presence presence;

	PresenceOnlineUsers(Presence presence) {
		this.presence = presence;
	}

	@Override
	public Set<String> online(Collection<String> userIds) {
		return this.presence.online(userIds);
	}

}
