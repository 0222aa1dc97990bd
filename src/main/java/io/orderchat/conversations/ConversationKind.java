package io.orderchat.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a conversation is about; the wire name is lower-case. */
public enum ConversationKind {

	ORDER, DISPUTE, SUPPORT;

	@JsonValue
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ConversationKind fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
