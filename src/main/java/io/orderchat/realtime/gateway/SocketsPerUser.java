package io.orderchat.realtime.gateway;

import io.orderchat.identity.Caller;
import io.orderchat.ratelimit.Limit;
import io.orderchat.ratelimit.RateLimits;
import io.orderchat.shared.RateLimited;
import io.orderchat.socketio.ConnectionRefused;
import io.orderchat.socketio.Middleware;
import io.orderchat.socketio.Namespace;
import io.orderchat.socketio.SocketIoSocket;

/**
 * Handshake middleware, after {@link SocketAuthenticator}: a user holds at most
 * {@code orderchat.limits.sockets-per-user} connections on this node; one more is refused
 * with {@code connect_error} {@code {code: RATE_LIMITED, message}}. The count is the size
 * of the user's room, which the socket joins here: counting and joining under one lock
 * keeps concurrent handshakes from passing together, and a socket that never gets
 * admitted, or disconnects, leaves the room by the engine's own bookkeeping, so nothing
 * here can leak.
 */
final class SocketsPerUser implements Middleware {

	private final Namespace namespace;

	private final RateLimits limits;

	private final Object admission = new Object();

	SocketsPerUser(Namespace namespace, RateLimits limits) {
		this.namespace = namespace;
		this.limits = limits;
	}

	@Override
	public void handle(SocketIoSocket socket) throws ConnectionRefused {
		Caller caller = SocketSession.caller(socket);
		String room = Rooms.user(caller.userId());
		try {
			synchronized (this.admission) {
				this.limits.requireBelowCap(Limit.SOCKETS_PER_USER, this.namespace.socketIdsIn(room).size());
				socket.join(room);
			}
		}
		catch (RateLimited ex) {
			throw new ConnectionRefused(ex.getMessage(), Replies.error(ex));
		}
	}

}
