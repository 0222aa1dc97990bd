package io.orderchat.realtime.gateway;

import java.time.Clock;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.socketio.SocketIoSocket;

/**
 * What the gateway keeps on a socket: the caller, attached at the handshake and checked
 * again on every command, and the dialect it is bound to (DIALECTS.md §0.3): the first
 * one whose command it sends. Its user's events (notifications, transfers to it, status
 * changes of orders it has not joined) reach it in that dialect only; until it is bound,
 * in every dialect, because a client that only listens has said nothing of its own.
 */
final class SocketSession {

	private static final String CALLER = "orderchat.caller";

	private static final String USER_DIALECT = "orderchat.user-dialect";

	private static final String DIALECT_CHOSEN = "orderchat.dialect-chosen";

	private SocketSession() {
	}

	static void attach(SocketIoSocket socket, Caller caller) {
		socket.attribute(CALLER, caller);
	}

	static Caller caller(SocketIoSocket socket) {
		return socket.attribute(CALLER);
	}

	/**
	 * The caller, if the token is still valid now; a token expires mid-session, so a
	 * connection that was fine at connect time is refused from then on.
	 */
	static Caller current(SocketIoSocket socket, Clock clock) {
		Caller caller = caller(socket);
		if (caller == null) {
			throw new DomainException(ErrorCode.UNAUTHENTICATED, "This connection is not signed in");
		}
		if (caller.expiredAt(clock.instant())) {
			throw new DomainException(ErrorCode.TOKEN_EXPIRED, "Your session has expired; reconnect with a new token");
		}
		return caller;
	}

	/**
	 * Subscribes a new socket to its user's events, and a staff socket to its role's, in
	 * every dialect (the unbound rooms, see {@link Rooms}); failures of commands no
	 * dialect knows are answered in the default one until it is bound.
	 */
	static void start(SocketIoSocket socket, Dialects dialects) {
		Dialect defaultDialect = dialects.byDefault();
		socket.attribute(USER_DIALECT, defaultDialect);
		Caller caller = caller(socket);
		socket.join(Rooms.unboundUser(caller.userId()));
		if (caller.isStaff()) {
			socket.join(Rooms.unboundRole(caller.role()));
		}
		socket.join(Rooms.dialect(defaultDialect));
	}

	/** The dialect failures of unknown commands are answered in. */
	static Dialect userDialect(SocketIoSocket socket) {
		return socket.attribute(USER_DIALECT);
	}

	/**
	 * Notes that the socket used a command of {@code dialect}; the first one it uses
	 * binds it: it moves from its user's and role's unbound rooms to those of the dialect
	 * (joining first, so that no event of the dialect falls between the two).
	 */
	static void spoke(SocketIoSocket socket, Dialect dialect) {
		if (socket.attribute(DIALECT_CHOSEN) != null) {
			return;
		}
		socket.attribute(DIALECT_CHOSEN, Boolean.TRUE);
		Caller caller = caller(socket);
		socket.join(Rooms.user(caller.userId(), dialect));
		socket.leave(Rooms.unboundUser(caller.userId()));
		if (caller.isStaff()) {
			socket.join(Rooms.role(caller.role(), dialect));
			socket.leave(Rooms.unboundRole(caller.role()));
		}
		socket.join(Rooms.dialect(dialect));
		socket.attribute(USER_DIALECT, dialect);
	}

}
