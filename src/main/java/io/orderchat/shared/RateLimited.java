package io.orderchat.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * A refusal with {@link ErrorCode#RATE_LIMITED}: the caller did something too often, or
 * holds too many of something. A rate says when to try again (REST sends it as
 * {@code Retry-After}); a cap does not, because only releasing what is held helps.
 */
public class RateLimited extends DomainException {

	private final transient Duration retryAfter;

	public RateLimited(String message, Duration retryAfter) {
		super(ErrorCode.RATE_LIMITED, message);
		this.retryAfter = retryAfter;
	}

	/** When the same action may succeed again; empty for a cap. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/** {@link #retryAfter} in whole seconds, rounded up, at least one. */
	public static long seconds(Duration retryAfter) {
		long seconds = retryAfter.toSeconds() + ((retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
