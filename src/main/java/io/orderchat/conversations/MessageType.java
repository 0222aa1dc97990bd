package io.orderchat.conversations;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a message carries. System messages come only from the server. */
public enum MessageType {

	TEXT, IMAGE, FILE, SYSTEM;

	@JsonValue
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
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
