package io.orderchat.realtime.gateway;

import java.time.Clock;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.socketio.SocketIoSocket;

/**
 * What the gateway keeps on a socket: the caller, attached at the handshake and checked
 * again on every command, and the dialect its user-level events (notifications, status
 * changes) are rendered in: the canonical one until the socket speaks another, then the
 * first one it spoke.
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

	/** Subscribes a new socket to its user's events in the default dialect. */
	static void start(SocketIoSocket socket, Dialect defaultDialect) {
		socket.attribute(USER_DIALECT, defaultDialect);
		socket.join(Rooms.user(caller(socket).userId(), defaultDialect));
		socket.join(Rooms.dialect(defaultDialect));
	}

	/** The dialect the socket's user-level events are rendered in. */
	static Dialect userDialect(SocketIoSocket socket) {
		return socket.attribute(USER_DIALECT);
	}

	/**
	 * Notes that the socket used a command of {@code dialect}; the first one it uses
	 * sticks.
	 */
	static void spoke(SocketIoSocket socket, Dialect dialect) {
		if (socket.attribute(DIALECT_CHOSEN) != null) {
			return;
		}
		socket.attribute(DIALECT_CHOSEN, Boolean.TRUE);
		Dialect current = socket.attribute(USER_DIALECT);
		if (current != dialect) {
			String userId = caller(socket).userId();
			socket.leave(Rooms.user(userId, current));
			socket.join(Rooms.user(userId, dialect));
			socket.join(Rooms.dialect(dialect));
			socket.attribute(USER_DIALECT, dialect);
		}
	}

}
