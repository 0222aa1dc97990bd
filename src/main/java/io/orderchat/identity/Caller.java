package io.orderchat.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified caller, as its token says. {@code expiresAt} is the token's {@code exp}, or
 * for a token without one its {@code iat} plus the maximum token age; {@code null} (never
 * expires) only for callers the server makes itself. {@code issuedAt} is the token's
 * {@code iat}, {@code null} when it has none (or for callers the server makes itself):
 * what a revocation ({@link TokenRevocations}) is compared with.
 */
public record Caller(String userId, String name, Role role, Instant expiresAt, Instant issuedAt) {

	public Caller {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(role, "role");
		name = (name == null || name.isBlank()) ? userId : name;
	}

	/** A caller whose token's issue time is not known. */
	public Caller(String userId, String name, Role role, Instant expiresAt) {
		this(userId, name, role, expiresAt, null);
	}

	/** Moderators, support agents and admins. */
	public boolean isStaff() {
		return this.role.isStaff();
	}

	public boolean is(Role role) {
		return this.role == role;
	}

	/**
	 * Whether the token has expired at {@code now}; a token expires at its {@code exp}
	 * instant.
	 */
	public boolean expiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

}
