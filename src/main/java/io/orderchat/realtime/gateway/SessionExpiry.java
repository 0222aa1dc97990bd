package io.orderchat.realtime.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.socketio.SocketIoSocket;

/**
 * Closes a connection whose token expires: at the {@code exp} instant, or at the first
 * command after it, whichever comes first. The client hears {@code session:expired}
 * before the disconnect and reconnects with a fresh token.
 * <p>
 * One sweep on each whole second serves every socket, rather than a timer per socket: a
 * JWT's {@code exp} is a whole second, so the sweep is on time for it (a fractional one
 * is closed on the second after it, never before); sockets are filed under that second,
 * and a connect storm with tokens signed together shares a handful of entries.
 */
final class SessionExpiry {

	static final String EVENT = "session:expired";

	private final ConcurrentSkipListMap<Long, Set<SocketIoSocket>> dueAtSecond = new ConcurrentSkipListMap<>();

	private final ScheduledExecutorService scheduler;

	private final Clock clock;

	/** Every second up to this one has been swept. */
	private volatile long sweptThrough;

	SessionExpiry(ScheduledExecutorService scheduler, Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
		this.sweptThrough = Math.floorDiv(clock.millis(), 1000) - 1;
		scheduleNextSweep();
	}

	/** Watches a newly connected socket until {@link #forget} or its expiry. */
	void watch(SocketIoSocket socket, Caller caller) {
		if (caller.expiresAt() == null) {
			return;
		}
		long second = dueSecond(caller.expiresAt());
		Set<SocketIoSocket> due = this.dueAtSecond.computeIfAbsent(second, (key) -> ConcurrentHashMap.newKeySet());
		due.add(socket);
		if (second <= this.sweptThrough && due.remove(socket)) {
			// that second's sweep may have passed over this socket already
			expire(socket, expired());
		}
	}

	/** Stops watching a socket that disconnected. */
	void forget(SocketIoSocket socket, Caller caller) {
		if (caller.expiresAt() != null) {
			Set<SocketIoSocket> due = this.dueAtSecond.get(dueSecond(caller.expiresAt()));
			if (due != null) {
				due.remove(socket);
			}
		}
	}

	/**
	 * Re-aimed at the next whole second of the clock every time, so that the scheduler's
	 * drift against the wall clock never makes a sweep early or a second late.
	 */
	private void scheduleNextSweep() {
		try {
			this.scheduler.schedule(this::sweepAndReschedule, 1000 - Math.floorMod(this.clock.millis(), 1000),
					TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// shutting down
		}
	}

	private void sweepAndReschedule() {
		try {
			sweep();
		}
		finally {
			scheduleNextSweep();
		}
	}

	/** Expires every socket due by now. */
	void sweep() {
		long now = Math.floorDiv(this.clock.millis(), 1000);
		this.sweptThrough = now;
		ConcurrentNavigableMap<Long, Set<SocketIoSocket>> due = this.dueAtSecond.headMap(now, true);
		for (Map.Entry<Long, Set<SocketIoSocket>> second : due.entrySet()) {
			due.remove(second.getKey());
			for (SocketIoSocket socket : second.getValue()) {
				// the set's removal decides between this sweep and a late watch
				if (second.getValue().remove(socket)) {
					expire(socket, expired());
				}
			}
		}
	}

	static void expire(SocketIoSocket socket, DomainException error) {
		if (socket.connected()) {
			socket.emit(EVENT, Replies.error(error));
			socket.disconnect(false);
		}
	}

	private static DomainException expired() {
		return new DomainException(ErrorCode.TOKEN_EXPIRED, "Your session has expired; reconnect with a new token");
	}

	/** The whole second at or after {@code expiresAt}: never early. */
	private static long dueSecond(Instant expiresAt) {
		long second = expiresAt.getEpochSecond();
		return (expiresAt.getNano() > 0) ? second + 1 : second;
	}

}
