package io.orderchat.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tokens whose signature and claims have been checked lately, by their exact text, so
 * that a client's next REST call or reconnect with the same token skips the parsing and
 * the signature. Only the checks that cannot change are skipped: expiry is the caller's
 * to check on every use, and an entry is checked again from scratch after
 * {@link #RECHECK} (as often as the JWKS keys are fetched again, so a withdrawn key stops
 * working as it would without this cache). Bounded: when full, the stale entries go, and
 * if that frees too little, all of them.
 */
final class VerifiedTokens {

	/** At a few hundred bytes an entry, a few MB at most. */
	static final int CAPACITY = 8_192;

	static final Duration RECHECK = Duration.ofMinutes(5);

	private final ConcurrentHashMap<String, Verified> byToken = new ConcurrentHashMap<>();

	private final AtomicBoolean pruning = new AtomicBoolean();

	/**
	 * The caller of a token verified before and not yet due for a full check; expired or
	 * not.
	 */
	Caller find(String token, Instant now) {
		Verified verified = this.byToken.get(token);
		return (verified != null && now.isBefore(verified.recheckAt())) ? verified.caller() : null;
	}

	void add(String token, Caller caller, Instant now) {
		if (this.byToken.size() >= CAPACITY) {
			prune(now);
		}
		this.byToken.put(token, new Verified(caller, now.plus(RECHECK)));
	}

	void forget(String token) {
		this.byToken.remove(token);
	}

	int size() {
		return this.byToken.size();
	}

	private void prune(Instant now) {
		if (!this.pruning.compareAndSet(false, true)) {
			return;
		}
		try {
			this.byToken.values()
				.removeIf((verified) -> !now.isBefore(verified.recheckAt()) || verified.caller().expiredAt(now));
			if (this.byToken.size() >= CAPACITY * 3 / 4) {
				this.byToken.clear();
			}
		}
		finally {
			this.pruning.set(false);
		}
	}

	private record Verified(Caller caller, Instant recheckAt) {
	}

}
