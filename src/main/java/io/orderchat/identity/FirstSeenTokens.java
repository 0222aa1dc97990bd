package io.orderchat.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * When this node first saw each token that carries neither {@code exp} nor {@code iat}:
 * such a token is valid (seed clients' host apps issue them, and DIALECTS.md honours
 * {@code exp} only when present), but only for the maximum token age from that moment, so
 * that none is valid for ever. Entries never expire by time (a token past its age must
 * stay refused); Caffeine bounds them by count, keeping the tokens in use, and a token
 * whose entry was evicted starts a new age. Keyed by the token's SHA-256, so a long token
 * costs no more than a short one.
 */
final class FirstSeenTokens {

	/** About 150 bytes an entry: some 15 MB at most. */
	static final int CAPACITY = 100_000;

	private final Cache<String, Instant> firstSeen = Caffeine.newBuilder()
		.maximumSize(CAPACITY)
		.executor(Runnable::run)
		.recordStats()
		.build();

	private final Duration maxAge;

	FirstSeenTokens(Duration maxAge) {
		this.maxAge = maxAge;
	}

	/** When {@code token}, first seen now if never before, stops being accepted. */
	Instant expiry(String token, Instant now) {
		return this.firstSeen.get(digest(token), (unseen) -> now).plus(this.maxAge);
	}

	Cache<String, ?> cache() {
		return this.firstSeen;
	}

	private static String digest(String token) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
