package io.orderchat.realtime.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.orderchat.conversations.ConversationId;
import io.orderchat.socketio.Namespace;

/**
 * Delivers a realtime event to the sockets it concerns, once per dialect: each dialect
 * renders the event once, and the engine encodes that packet once for all of the
 * dialect's sockets in the target rooms. A dialect that no socket speaks, or whose room
 * for the event is empty, renders nothing.
 */
final class Fanout {

	private final Namespace namespace;

	private final Dialects dialects;

	Fanout(Namespace namespace, Dialects dialects) {
		this.namespace = namespace;
		this.dialects = dialects;
	}

	/**
	 * To every socket that joined the conversation, except those in {@code exceptRooms}.
	 */
	void toConversation(ConversationId id, RealtimeEvent event, String... exceptRooms) {
		for (Dialect dialect : this.dialects) {
			String room = Rooms.conversation(id, dialect);
			if (this.namespace.hasSockets(room)) {
				dialect.render(event,
						(name, payload) -> this.namespace.to(room).except(exceptRooms).emit(name, payload));
			}
		}
	}

	/** To every socket that joined any of the conversations (each socket once). */
	void toConversations(Collection<ConversationId> ids, RealtimeEvent event) {
		if (ids.isEmpty()) {
			return;
		}
		for (Dialect dialect : spoken()) {
			String[] rooms = ids.stream().map((id) -> Rooms.conversation(id, dialect)).toArray(String[]::new);
			dialect.render(event, (name, payload) -> this.namespace.to(rooms).emit(name, payload));
		}
	}

	/** To every socket of the users, except those in {@code exceptRooms}. */
	void toUsers(Collection<String> userIds, RealtimeEvent event, String... exceptRooms) {
		if (userIds.isEmpty()) {
			return;
		}
		for (Dialect dialect : spoken()) {
			String[] rooms = userIds.stream().map((userId) -> Rooms.user(userId, dialect)).toArray(String[]::new);
			dialect.render(event, (name, payload) -> this.namespace.to(rooms).except(exceptRooms).emit(name, payload));
		}
	}

	private List<Dialect> spoken() {
		List<Dialect> spoken = new ArrayList<>(2);
		for (Dialect dialect : this.dialects) {
			if (this.namespace.hasSockets(Rooms.dialect(dialect))) {
				spoken.add(dialect);
			}
		}
		return spoken;
	}

	/** The users among {@code userIds} (which may be null, as unassigned roles are). */
	static Set<String> parties(String... userIds) {
		Set<String> parties = new HashSet<>();
		for (String userId : userIds) {
			if (userId != null) {
				parties.add(userId);
			}
		}
		return parties;
	}

}
