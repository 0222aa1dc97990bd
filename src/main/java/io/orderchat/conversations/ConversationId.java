package io.orderchat.conversations;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import io.orderchat.shared.Inputs;

/** A conversation's id; on the wire the UUID string. */
public record ConversationId(UUID value) {

	public ConversationId {
		Objects.requireNonNull(value, "value");
	}

	public static ConversationId random() {
		return new ConversationId(UUID.randomUUID());
	}

	/**
	 * Reads a wire id; a string that is no UUID names no conversation
	 * ({@code NOT_FOUND}).
	 */
	public static ConversationId parse(String value) {
		return new ConversationId(Inputs.uuid(value, "conversation"));
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}

}
