package io.orderchat.realtime.gateway;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.ratelimit.Limit;
import io.orderchat.ratelimit.RateLimits;
import io.orderchat.socketio.Namespace;
import io.orderchat.socketio.SocketIoSocket;

/**
 * Which sockets listen to which conversation. A socket joins a conversation's room (to be
 * excluded from notifications about it) and the room of the dialect it joined with (to
 * receive the conversation's events in that dialect's shapes). The socket also remembers
 * its conversations itself, because the engine empties its rooms before disconnect
 * listeners run.
 */
final class RoomMembership {

	private static final String JOINED = "orderchat.joined";

	/** The conversation rooms of a dialect the socket joined, by conversation. */
	private static final String JOINED_IN = "orderchat.joined-in";

	private final Namespace namespace;

	private final Dialects dialects;

	private final RateLimits limits;

	RoomMembership(Namespace namespace, Dialects dialects, RateLimits limits) {
		this.namespace = namespace;
		this.dialects = dialects;
		this.limits = limits;
	}

	/**
	 * Refuses a conversation the socket has not joined yet when it has joined
	 * {@code orderchat.limits.joins-per-socket} already ({@code RATE_LIMITED}): every
	 * joined conversation costs room entries and a share of every event sent there.
	 * Called before the work of a join, and again by {@link #subscribe}.
	 */
	void requireRoomFor(SocketIoSocket socket, ConversationId id) {
		Set<ConversationId> joined = joined(socket);
		if (!joined.contains(id)) {
			this.limits.requireBelowCap(Limit.JOINS_PER_SOCKET, joined.size());
		}
	}

	/**
	 * Records a joined conversation. Runs on the socket's own executor, one command at a
	 * time, so the set it makes on the first join (most sockets never join one) cannot
	 * race another.
	 */
	void subscribe(SocketIoSocket socket, ConversationId id, Dialect dialect) {
		requireRoomFor(socket, id);
		Set<ConversationId> joined = socket.attribute(JOINED);
		if (joined == null) {
			joined = ConcurrentHashMap.newKeySet();
			socket.attribute(JOINED, joined);
		}
		joined.add(id);
		Map<ConversationId, Set<String>> joinedIn = socket.attribute(JOINED_IN);
		if (joinedIn == null) {
			joinedIn = new ConcurrentHashMap<>();
			socket.attribute(JOINED_IN, joinedIn);
		}
		joinedIn.computeIfAbsent(id, (key) -> ConcurrentHashMap.newKeySet()).add(dialect.name());
		socket.join(Rooms.conversation(id));
		socket.join(Rooms.conversation(id, dialect));
		socket.join(Rooms.dialect(dialect));
		Caller caller = SocketSession.caller(socket);
		if (caller != null && caller.isStaff()) {
			socket.join(Rooms.staff(id));
		}
	}

	void unsubscribe(SocketIoSocket socket, ConversationId id) {
		Set<ConversationId> joined = socket.attribute(JOINED);
		if (joined != null) {
			joined.remove(id);
		}
		Map<ConversationId, Set<String>> joinedIn = socket.attribute(JOINED_IN);
		if (joinedIn != null) {
			joinedIn.remove(id);
		}
		socket.leave(Rooms.conversation(id));
		socket.leave(Rooms.staff(id));
		for (Dialect dialect : this.dialects) {
			socket.leave(Rooms.conversation(id, dialect));
		}
	}

	boolean subscribed(SocketIoSocket socket, ConversationId id) {
		return joined(socket).contains(id);
	}

	/**
	 * Whether the socket joined the conversation with {@code dialect}'s join (DIALECTS.md
	 * §0.3: a dialect's room is joined only through that dialect).
	 */
	boolean subscribed(SocketIoSocket socket, ConversationId id, Dialect dialect) {
		Map<ConversationId, Set<String>> joinedIn = socket.attribute(JOINED_IN);
		return joinedIn != null && joinedIn.getOrDefault(id, Set.of()).contains(dialect.name());
	}

	/** The conversations this socket has joined (a snapshot). */
	Set<ConversationId> conversationsOf(SocketIoSocket socket) {
		return Set.copyOf(joined(socket));
	}

	/**
	 * Takes every socket of a user on this node out of a conversation they may no longer
	 * read.
	 */
	void evict(String userId, ConversationId id) {
		for (String socketId : this.namespace.socketIdsIn(Rooms.user(userId))) {
			this.namespace.socket(socketId).ifPresent((socket) -> unsubscribe(socket, id));
		}
	}

	private static Set<ConversationId> joined(SocketIoSocket socket) {
		Set<ConversationId> joined = socket.attribute(JOINED);
		return (joined != null) ? joined : Set.of();
	}

}
