package io.orderchat.realtime.gateway;

import java.util.Collection;
import java.util.List;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Role;
import io.orderchat.socketio.Namespace;

/**
 * Delivers {@link StaffEvent}s: to a conversation's sockets per dialect (like
 * {@link Fanout}), to users, to every online socket of a staff role, and to a
 * conversation's staff-only room (internal notes).
 */
final class StaffFanout {

	private final Namespace namespace;

	private final List<StaffRendering> renderings;

	StaffFanout(Namespace namespace, List<StaffRendering> renderings) {
		this.namespace = namespace;
		this.renderings = List.copyOf(renderings);
	}

	void toConversation(ConversationId id, StaffEvent event, String... exceptRooms) {
		for (StaffRendering rendering : this.renderings) {
			String room = Rooms.conversation(id, rendering.dialect());
			rendering.render(event, (name, payload) -> this.namespace.to(room).except(exceptRooms).emit(name, payload));
		}
	}

	void toUsers(Collection<String> userIds, StaffEvent event, String... exceptRooms) {
		if (userIds.isEmpty()) {
			return;
		}
		for (StaffRendering rendering : this.renderings) {
			String[] rooms = userIds.stream()
				.map((userId) -> Rooms.user(userId, rendering.dialect()))
				.toArray(String[]::new);
			rendering.render(event,
					(name, payload) -> this.namespace.to(rooms).except(exceptRooms).emit(name, payload));
		}
	}

	/**
	 * To every socket of the role, in every dialect's names at once: such a socket has
	 * joined no conversation yet, so nothing says which dialect it speaks; each dialect's
	 * event name is its own, so a client hears the ones it knows.
	 */
	void toRole(Role role, StaffEvent event) {
		for (StaffRendering rendering : this.renderings) {
			rendering.render(event, (name, payload) -> this.namespace.to(Rooms.role(role)).emit(name, payload));
		}
	}

	/** To the staff sockets that joined the conversation, whatever their dialect. */
	void toStaffOf(ConversationId id, StaffEvent event) {
		for (StaffRendering rendering : this.renderings) {
			rendering.render(event, (name, payload) -> this.namespace.to(Rooms.staff(id)).emit(name, payload));
		}
	}

}
