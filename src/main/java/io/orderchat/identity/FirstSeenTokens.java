package io.orderchat.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When this node first saw each token that carries neither {@code exp} nor {@code iat}:
 * such a token is valid (seed clients' host apps issue them, and DIALECTS.md honours
 * {@code exp} only when present), but only for the maximum token age from that moment, so
 * that none is valid for ever. Bounded: when full, the entries past the maximum age go,
 * and if that frees too little, all of them (their tokens start a new age, which errs on
 * the side of the people using them).
 */
final class FirstSeenTokens {

	/** A token's text is a few hundred bytes: some tens of MB at most. */
	static final int CAPACITY = 100_000;

	private final ConcurrentHashMap<String, Instant> firstSeen = new ConcurrentHashMap<>();

	private final AtomicBoolean pruning = new AtomicBoolean();

	private final Duration maxAge;

	FirstSeenTokens(Duration maxAge) {
		this.maxAge = maxAge;
	}

	/** When {@code token}, first seen now if never before, stops being accepted. */
	Instant expiry(String token, Instant now) {
		if (this.firstSeen.size() >= CAPACITY) {
			prune(now);
		}
		return this.firstSeen.computeIfAbsent(token, (unseen) -> now).plus(this.maxAge);
	}

	int size() {
		return this.firstSeen.size();
	}

	private void prune(Instant now) {
		if (!this.pruning.compareAndSet(false, true)) {
			return;
		}
		try {
			Instant oldest = now.minus(this.maxAge);
			this.firstSeen.values().removeIf((seen) -> !seen.isAfter(oldest));
			if (this.firstSeen.size() >= CAPACITY * 3 / 4) {
				this.firstSeen.clear();
			}
		}
		finally {
			this.pruning.set(false);
		}
	}

}
