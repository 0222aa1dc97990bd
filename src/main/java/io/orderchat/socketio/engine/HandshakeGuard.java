package io.orderchat.socketio.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits new sessions within {@link EngineLimits}: a handshake rate per client address (a
 * token bucket: a burst, then a steady rate), open sessions per address, and sessions not
 * yet established across all addresses. Counting is per address in one map whose idle
 * entries are swept, and which never holds more than {@value #MAX_ADDRESSES} addresses
 * (beyond that new addresses are refused as if the server were busy). Checks and counts
 * are separate steps, so a burst of concurrent handshakes may pass a limit by a few; the
 * memory they can take stays bounded. Refusals are logged at most once per
 * {@value #LOG_EVERY_SECONDS} seconds, without stack traces.
 */
final class HandshakeGuard {

	private static final Logger logger = LoggerFactory.getLogger(HandshakeGuard.class);

	static final int MAX_ADDRESSES = 100_000;

	static final long LOG_EVERY_SECONDS = 10;

	private final EngineLimits limits;

	private final Map<String, Address> addresses = new ConcurrentHashMap<>();

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong refusedSinceLog = new AtomicLong();

	private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS));

	HandshakeGuard(EngineLimits limits) {
		this.limits = limits;
	}

	/** Checks a new handshake from {@code address}; returns the refusal, or null. */
	EngineError admit(String address, long now) {
		EngineError error;
		if (this.pending.get() >= this.limits.pendingSessions()) {
			error = EngineError.TOO_MANY_PENDING;
		}
		else if (!this.addresses.containsKey(address) && this.addresses.size() >= MAX_ADDRESSES) {
			error = EngineError.TOO_MANY_PENDING;
		}
		else {
			EngineError[] result = new EngineError[1];
			this.addresses.compute(address, (key, entry) -> {
				Address counted = (entry != null) ? entry : new Address(this.limits.handshakeBurst(), now);
				result[0] = counted.admit(this.limits, now);
				return counted;
			});
			error = result[0];
		}
		if (error != null) {
			refused(error, address, now);
		}
		return error;
	}

	void opened(String address, long now) {
		this.pending.incrementAndGet();
		this.addresses.compute(address, (key, entry) -> {
			Address counted = (entry != null) ? entry : new Address(this.limits.handshakeBurst(), now);
			counted.sessions++;
			return counted;
		});
	}

	void established() {
		this.pending.decrementAndGet();
	}

	void closed(String address, boolean wasPending) {
		if (wasPending) {
			this.pending.decrementAndGet();
		}
		this.addresses.computeIfPresent(address, (key, entry) -> {
			entry.sessions--;
			return entry;
		});
	}

	/** Forgets addresses with no session whose bucket has filled up again. */
	void sweep(long now) {
		for (String address : this.addresses.keySet()) {
			this.addresses.computeIfPresent(address, (key, entry) -> entry.idle(this.limits, now) ? null : entry);
		}
	}

	int pending() {
		return this.pending.get();
	}

	int addresses() {
		return this.addresses.size();
	}

	long refused() {
		return this.refused.get();
	}

	private void refused(EngineError error, String address, long now) {
		this.refused.incrementAndGet();
		long count = this.refusedSinceLog.incrementAndGet();
		long last = this.lastLog.get();
		if (now - last >= TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS) && this.lastLog.compareAndSet(last, now)) {
			count = this.refusedSinceLog.getAndSet(0);
			logger.warn(
					"Refused {} Engine.IO handshake(s) since the last report (at most one per {} s); latest from {}: {}",
					count, LOG_EVERY_SECONDS, address, error.message());
		}
	}

	/** One address's handshake bucket and open sessions; guarded by the map's lock. */
	private static final class Address {

		private double tokens;

		private long refilled;

		private int sessions;

		Address(double tokens, long now) {
			this.tokens = tokens;
			this.refilled = now;
		}

		EngineError admit(EngineLimits limits, long now) {
			refill(limits, now);
			if (this.sessions >= limits.sessionsPerAddress()) {
				return EngineError.TOO_MANY_SESSIONS;
			}
			if (this.tokens < 1) {
				return EngineError.TOO_MANY_HANDSHAKES;
			}
			this.tokens -= 1;
			return null;
		}

		boolean idle(EngineLimits limits, long now) {
			refill(limits, now);
			return this.sessions <= 0 && this.tokens >= limits.handshakeBurst();
		}

		private void refill(EngineLimits limits, long now) {
			double seconds = Math.max(0, now - this.refilled) / 1e9;
			this.tokens = Math.min(limits.handshakeBurst(), this.tokens + seconds * limits.handshakesPerSecond());
			this.refilled = now;
		}

	}

}
