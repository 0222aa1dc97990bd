package io.orderchat.identity;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Tokens whose signature and claims have been checked lately, by their exact text, so
 * that a client's next REST call or reconnect with the same token skips the parsing and
 * the signature. Only the checks that cannot change are skipped: expiry is the caller's
 * to check on every use, and an entry is checked again from scratch after
 * {@link #RECHECK} (as often as the JWKS keys are fetched again, so a withdrawn key stops
 * working as it would without this cache). Bounded by Caffeine: when full, the entries
 * least likely to be used again go.
 */
final class VerifiedTokens {

	/** At a few hundred bytes an entry, a few MB at most. */
	static final int CAPACITY = 8_192;

	static final Duration RECHECK = Duration.ofMinutes(5);

	private final Cache<String, Verified> byToken = Caffeine.newBuilder()
		.maximumSize(CAPACITY)
		.expireAfterWrite(RECHECK)
		.executor(Runnable::run)
		.recordStats()
		.build();

	/**
	 * The caller of a token verified before and not yet due for a full check; expired or
	 * not. The due time is kept by the caller's clock, not only by the cache's expiry.
	 */
	Caller find(String token, Instant now) {
		Verified verified = this.byToken.getIfPresent(token);
		return (verified != null && now.isBefore(verified.recheckAt())) ? verified.caller() : null;
	}

	void add(String token, Caller caller, Instant now) {
		this.byToken.put(token, new Verified(caller, now.plus(RECHECK)));
	}

	void forget(String token) {
		this.byToken.invalidate(token);
	}

	long size() {
		this.byToken.cleanUp();
		return this.byToken.estimatedSize();
	}

	Cache<String, ?> cache() {
		return this.byToken;
	}

	private record Verified(Caller caller, Instant recheckAt) {
	}

}
