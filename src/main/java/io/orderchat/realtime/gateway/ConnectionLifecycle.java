package io.orderchat.realtime.gateway;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.presence.Presence;
import io.orderchat.socketio.SocketIoSocket;

/**
 * What happens when an authenticated socket connects and disconnects: its user's rooms,
 * the command dispatcher, presence, leaving its conversations and the session timer.
 */
final class ConnectionLifecycle {

	private final Dialects dialects;

	private final CommandRouter router;

	private final RealtimeConversations conversations;

	private final RoomMembership rooms;

	private final Presence presence;

	private final PresenceAnnouncements announcements;

	private final SessionExpiry expiry;

	ConnectionLifecycle(Dialects dialects, CommandRouter router, RealtimeConversations conversations,
			RoomMembership rooms, Presence presence, PresenceAnnouncements announcements, SessionExpiry expiry) {
		this.dialects = dialects;
		this.router = router;
		this.conversations = conversations;
		this.rooms = rooms;
		this.presence = presence;
		this.announcements = announcements;
		this.expiry = expiry;
	}

	void connected(SocketIoSocket socket) {
		Caller caller = SocketSession.caller(socket);
		socket.join(Rooms.user(caller.userId()));
		if (caller.isStaff()) {
			socket.join(Rooms.role(caller.role()));
		}
		SocketSession.start(socket, this.dialects);
		socket.onAny((event, args, ack) -> this.router.dispatch(socket, event, args, ack));
		socket.onDisconnect((reason) -> disconnected(socket, caller));
		this.expiry.watch(socket, caller);
		if (this.presence.connected(caller.userId(), socket.id())) {
			this.announcements.announce(caller.userId(), true);
		}
	}

	private void disconnected(SocketIoSocket socket, Caller caller) {
		this.expiry.forget(socket, caller);
		for (ConversationId id : this.rooms.conversationsOf(socket)) {
			this.conversations.leave(socket, caller, id);
		}
		if (this.presence.disconnected(caller.userId(), socket.id())) {
			this.announcements.announce(caller.userId(), false);
		}
	}

}
