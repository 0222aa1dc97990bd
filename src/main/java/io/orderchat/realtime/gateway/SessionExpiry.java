package io.orderchat.realtime.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.socketio.SocketIoSocket;

/**
 * Closes a connection whose token expires: at the {@code exp} instant, or at the first
 * command after it, whichever comes first. The client hears {@code session:expired}
 * before the disconnect and reconnects with a fresh token.
 */
final class SessionExpiry {

	static final String EVENT = "session:expired";

	private final ScheduledExecutorService scheduler;

	private final Clock clock;

	SessionExpiry(ScheduledExecutorService scheduler, Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Arms the timer of a newly connected socket; cancelled when the socket disconnects.
	 */
	void watch(SocketIoSocket socket, Caller caller) {
		if (caller.expiresAt() == null) {
			return;
		}
		long delay = Math.max(0, Duration.between(this.clock.instant(), caller.expiresAt()).toMillis());
		ScheduledFuture<?> timer = this.scheduler
			.schedule(
					() -> expire(socket,
							new DomainException(ErrorCode.TOKEN_EXPIRED,
									"Your session has expired; reconnect with a new token")),
					delay, TimeUnit.MILLISECONDS);
		socket.onDisconnect((reason) -> timer.cancel(false));
	}

	static void expire(SocketIoSocket socket, DomainException error) {
		if (socket.connected()) {
			socket.emit(EVENT, Replies.error(error));
			socket.disconnect(false);
		}
	}

}
