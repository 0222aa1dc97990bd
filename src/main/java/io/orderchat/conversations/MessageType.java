package io.orderchat.conversations;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a message carries. System messages come only from the server. */
public enum MessageType {

	TEXT, IMAGE, FILE, SYSTEM;

	// computed once: every stored, acknowledged and rendered message asks for it
	private final String wire = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<MessageType> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (MessageType type : values()) {
			if (type.wire().equalsIgnoreCase(value.strip())) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
