package io.orderchat.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified caller, as its token says. {@code expiresAt} is the token's {@code exp}, or
 * for a token without one its {@code iat} plus the maximum token age; {@code null} (never
 * expires) only for callers the server makes itself.
 */
public record Caller(String userId, String name, Role role, Instant expiresAt) {

	public Caller {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(role, "role");
		name = (name == null || name.isBlank()) ? userId : name;
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
