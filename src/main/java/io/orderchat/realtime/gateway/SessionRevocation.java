package io.orderchat.realtime.gateway;

import io.orderchat.identity.Caller;
import io.orderchat.identity.TokenRevocations;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.pipeline.LocalDelivery;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.socketio.Namespace;

/**
 * A user signed out everywhere, on this node: it learns the revocation (so that their old
 * token is refused here when they reconnect), then tells each of their sockets whose
 * token is revoked {@code session:expired} {@code {code: TOKEN_REVOKED}} and closes it
 * with a Socket.IO {@code DISCONNECT}, as {@link SessionExpiry} does when a token
 * expires. A socket opened with a newer token stays.
 */
final class SessionRevocation implements LocalDelivery {

	private final Namespace namespace;

	private final TokenRevocations revocations;

	SessionRevocation(Namespace namespace, TokenRevocations revocations) {
		this.namespace = namespace;
		this.revocations = revocations;
	}

	@Override
	public void deliver(Delivery delivery) {
		if (!(delivery.event() instanceof ChatEvent.SignedOut signedOut)) {
			return;
		}
		this.revocations.learn(signedOut.userId(), signedOut.notBefore());
		for (String socketId : this.namespace.socketIdsIn(Rooms.user(signedOut.userId()))) {
			this.namespace.socket(socketId).ifPresent((socket) -> {
				Caller caller = SocketSession.caller(socket);
				if (caller != null && this.revocations.refuses(caller)) {
					SessionExpiry.expire(socket, revoked());
				}
			});
		}
	}

	private static DomainException revoked() {
		return new DomainException(ErrorCode.TOKEN_REVOKED,
				"You were signed out everywhere; reconnect with a new token");
	}

}
