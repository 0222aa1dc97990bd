package io.orderchat.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a conversation is about; the wire name is lower-case. */
public enum ConversationKind {

	ORDER, DISPUTE, SUPPORT;

	// computed once: every stored, acknowledged and rendered message asks for it
	private final String wire = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String wire() {
		return this.wire;
	}

	static ConversationKind fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
