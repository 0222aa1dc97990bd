package io.orderchat.conversations;

import java.time.Instant;

import io.orderchat.identity.Role;

/**
 * A user's part in a conversation. {@code readSeq} is their read horizon, shared by all
 * their devices; {@code leftAt} is set once they left (or were removed).
 */
public record Participant(String userId, String name, Role role, long readSeq, Instant joinedAt, Instant leftAt) {

	public boolean active() {
		return this.leftAt == null;
	}

}
