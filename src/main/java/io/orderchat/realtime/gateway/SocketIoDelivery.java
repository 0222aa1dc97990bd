package io.orderchat.realtime.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.orderchat.conversations.ConversationId;
import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.Audience.Target;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.RealtimeEvent;
import io.orderchat.realtime.events.StaffEvent;
import io.orderchat.realtime.pipeline.LocalDelivery;
import io.orderchat.socketio.BroadcastOperator;
import io.orderchat.socketio.Namespace;

/**
 * The receiving side for this node's Socket.IO clients: each vocabulary renders a
 * delivery once, and only when one of its rooms for the audience has a socket here; the
 * engine then encodes that packet once for all of them. A vocabulary whose rooms are
 * empty renders nothing.
 */
final class SocketIoDelivery implements LocalDelivery {

	private final Namespace namespace;

	private final Dialects dialects;

	private final RoomMembership rooms;

	private final Map<String, List<StaffRendering>> staffRenderings = new HashMap<>();

	private final RealtimeMetrics metrics;

	SocketIoDelivery(Namespace namespace, Dialects dialects, List<StaffRendering> staffRenderings, RoomMembership rooms,
			RealtimeMetrics metrics) {
		this.namespace = namespace;
		this.dialects = dialects;
		for (StaffRendering rendering : staffRenderings) {
			this.staffRenderings.computeIfAbsent(rendering.dialect().name(), (name) -> new ArrayList<>())
				.add(rendering);
		}
		this.rooms = rooms;
		this.metrics = metrics;
	}

	@Override
	public void deliver(Delivery delivery) {
		RealtimeEvent event = delivery.event();
		if (event instanceof ChatEvent.ParticipantChanged removed && !removed.added()) {
			// before anything else of the conversation reaches a socket that may no
			// longer read it
			this.rooms.evict(removed.userId(), ConversationId.parse(removed.subject().conversationId()));
		}
		String[] except = except(delivery.audience().except(), false);
		// only a notification is ever heard by members of its conversation too
		String[] exceptMembersToo = (event instanceof ChatEvent.Notification)
				? except(delivery.audience().except(), true) : except;
		boolean userDirected = delivery.audience().to().stream().allMatch(Audience.User.class::isInstance);
		// a message's socket writes are timed from its store time
		Instant storedAt = (event instanceof ChatEvent.MessageAdded added) ? added.message().createdAt() : null;
		List<String> unbound = unboundRoomsWithSockets(delivery.audience());
		for (Dialect dialect : this.dialects) {
			String[] rooms = roomsWithSockets(delivery.audience(), dialect, unbound);
			if (rooms.length > 0) {
				render(dialect, event, new RoomEmitter(this.namespace, rooms,
						dialect.notifiesJoinedSockets() ? exceptMembersToo : except, userDirected, storedAt));
			}
		}
		if (event instanceof ChatEvent.MessageAdded added) {
			this.metrics.delivered(added.message().createdAt());
		}
	}

	/**
	 * The rooms of the sockets left out; {@code keepMembers}: except those left out only
	 * because they joined a conversation (they hear its events there).
	 */
	private static String[] except(List<Target> except, boolean keepMembers) {
		return except.stream()
			.filter((target) -> !(keepMembers && target instanceof Audience.Conversation))
			.map(SocketIoDelivery::room)
			.toArray(String[]::new);
	}

	private void render(Dialect dialect, RealtimeEvent event, Dialect.Emitter emitter) {
		switch (event) {
			case ChatEvent chat -> dialect.render(chat, emitter);
			case StaffEvent staff -> {
				for (StaffRendering rendering : this.staffRenderings.getOrDefault(dialect.name(), List.of())) {
					rendering.render(staff, emitter);
				}
			}
		}
	}

	/**
	 * The audience's rooms for the dialect that have sockets here, with the unbound rooms
	 * of its users and roles that have: their sockets hear every dialect.
	 */
	private String[] roomsWithSockets(Audience audience, Dialect dialect, List<String> unbound) {
		List<String> rooms = new ArrayList<>(audience.to().size() + unbound.size());
		for (Target target : audience.to()) {
			String room = room(target, dialect);
			if (this.namespace.hasSockets(room)) {
				rooms.add(room);
			}
		}
		rooms.addAll(unbound);
		return rooms.toArray(String[]::new);
	}

	/**
	 * The rooms of the audience's users' and roles' sockets that are bound to no dialect
	 * yet and are here (see {@link Rooms}).
	 */
	private List<String> unboundRoomsWithSockets(Audience audience) {
		List<String> rooms = List.of();
		for (Target target : audience.to()) {
			String room = switch (target) {
				case Audience.User user -> Rooms.unboundUser(user.userId());
				case Audience.Staff staff -> Rooms.unboundRole(staff.role());
				default -> null;
			};
			if (room != null && this.namespace.hasSockets(room)) {
				rooms = rooms.isEmpty() ? new ArrayList<>() : rooms;
				rooms.add(room);
			}
		}
		return rooms;
	}

	/** Emits to the rooms of one vocabulary's sockets among the audience. */
	private record RoomEmitter(Namespace namespace, String[] rooms, String[] except, boolean userDirected,
			Instant storedAt) implements Dialect.Emitter {

		@Override
		public void emit(String event, Object payload) {
			BroadcastOperator broadcast = this.namespace.to(this.rooms).except(this.except);
			(this.storedAt != null ? broadcast.timedFrom(this.storedAt) : broadcast).emit(event, payload);
		}

	}

	/**
	 * The room of the target's sockets that hear the dialect; for a user or a staff role,
	 * of those bound to it (the unbound ones are in {@link Rooms#unboundUser} or
	 * {@link Rooms#unboundRole}).
	 */
	private static String room(Target target, Dialect dialect) {
		return switch (target) {
			case Audience.Conversation conversation -> Rooms.conversation(conversation.conversationId(), dialect);
			case Audience.User user -> Rooms.user(user.userId(), dialect);
			case Audience.Staff staff -> Rooms.role(staff.role(), dialect);
			case Audience.StaffOf staffOf -> Rooms.staff(staffOf.conversationId());
			case Audience.Socket socket -> socket.socketId();
		};
	}

	/** The room of all the target's sockets, whatever dialect they hear. */
	private static String room(Target target) {
		return switch (target) {
			case Audience.Conversation conversation -> Rooms.conversation(conversation.conversationId());
			case Audience.User user -> Rooms.user(user.userId());
			case Audience.Staff staff -> Rooms.role(staff.role());
			case Audience.StaffOf staffOf -> Rooms.staff(staffOf.conversationId());
			case Audience.Socket socket -> socket.socketId();
		};
	}

}
