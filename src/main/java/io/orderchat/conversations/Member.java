package io.orderchat.conversations;

import java.util.Objects;

import io.orderchat.identity.Role;

/** Someone to add to a conversation: who, under which name, in which role. */
public record Member(String userId, String name, Role role) {

	public Member {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(role, "role");
		name = (name == null || name.isBlank()) ? userId : name;
	}

}
