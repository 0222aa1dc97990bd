package io.orderchat.realtime.pusher;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.orderchat.identity.Caller;
import io.orderchat.identity.TokenRevocations;
import io.orderchat.pusher.PusherServer;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.pipeline.LocalDelivery;

/**
 * Who is behind a Pusher connection: a Pusher connection carries no token, so the only
 * place its user is known is {@code /pusher/auth}, which records the caller for the
 * {@code socket_id} it signs. When that user is signed out everywhere, this node closes
 * the connections it signed for them with 4009, if they are here (with sticky sessions,
 * the load balancer sends pusher-js's {@code /pusher/auth} to the node of its
 * connection). Bounded: the oldest records go first, and none outlives a day.
 */
final class PusherSignIns implements LocalDelivery {

	static final int CAPACITY = 100_000;

	private final Cache<String, Caller> callerBySocket = Caffeine.newBuilder()
		.maximumSize(CAPACITY)
		.expireAfterWrite(Duration.ofHours(24))
		.executor(Runnable::run)
		.build();

	private final PusherServer pusher;

	private final TokenRevocations revocations;

	PusherSignIns(PusherServer pusher, TokenRevocations revocations) {
		this.pusher = pusher;
		this.revocations = revocations;
	}

	void signed(String socketId, Caller caller) {
		this.callerBySocket.put(socketId, caller);
	}

	@Override
	public void deliver(Delivery delivery) {
		if (!(delivery.event() instanceof ChatEvent.SignedOut signedOut)) {
			return;
		}
		// whichever receiver runs first on this node learns it (idempotent)
		this.revocations.learn(signedOut.userId(), signedOut.notBefore());
		for (Map.Entry<String, Caller> signIn : this.callerBySocket.asMap().entrySet()) {
			Caller caller = signIn.getValue();
			if (caller.userId().equals(signedOut.userId()) && this.revocations.refuses(caller)) {
				this.callerBySocket.invalidate(signIn.getKey());
				this.pusher.closeUnauthorized(signIn.getKey(), "TOKEN_REVOKED: signed out everywhere");
			}
		}
	}

}
