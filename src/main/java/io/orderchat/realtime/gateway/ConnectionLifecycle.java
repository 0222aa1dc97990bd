package io.orderchat.realtime.gateway;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationService;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.presence.Presence;
import io.orderchat.socketio.SocketIoSocket;

/**
 * What happens when an authenticated socket connects and disconnects: its user's rooms,
 * the command dispatcher, presence, leaving its conversations and the session timer.
 */
final class ConnectionLifecycle {

	private final Dialect defaultDialect;

	private final CommandRouter router;

	private final RealtimeConversations conversations;

	private final ConversationService conversationService;

	private final RoomMembership rooms;

	private final Presence presence;

	private final Fanout fanout;

	private final SessionExpiry expiry;

	ConnectionLifecycle(Dialect defaultDialect, CommandRouter router, RealtimeConversations conversations,
			ConversationService conversationService, RoomMembership rooms, Presence presence, Fanout fanout,
			SessionExpiry expiry) {
		this.defaultDialect = defaultDialect;
		this.router = router;
		this.conversations = conversations;
		this.conversationService = conversationService;
		this.rooms = rooms;
		this.presence = presence;
		this.fanout = fanout;
		this.expiry = expiry;
	}

	void connected(SocketIoSocket socket) {
		Caller caller = SocketSession.caller(socket);
		socket.join(Rooms.user(caller.userId()));
		if (caller.isStaff()) {
			socket.join(Rooms.role(caller.role()));
		}
		SocketSession.start(socket, this.defaultDialect);
		socket.onAny((event, args, ack) -> this.router.dispatch(socket, event, args, ack));
		socket.onDisconnect((reason) -> disconnected(socket, caller));
		this.expiry.watch(socket, caller);
		if (this.presence.connected(caller.userId(), socket.id())) {
			announce(caller, true);
		}
	}

	private void disconnected(SocketIoSocket socket, Caller caller) {
		for (ConversationId id : this.rooms.conversationsOf(socket)) {
			this.conversations.leave(socket, caller, id);
		}
		if (this.presence.disconnected(caller.userId(), socket.id())) {
			announce(caller, false);
		}
	}

	/**
	 * Tells the members of the user's conversations that the user came online or went
	 * offline.
	 */
	private void announce(Caller caller, boolean online) {
		this.fanout.toConversations(this.conversationService.conversationsOf(caller.userId()),
				new RealtimeEvent.PresenceChanged(caller.userId(), online));
	}

}
