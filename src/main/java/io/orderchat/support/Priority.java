package io.orderchat.support;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a support session is; the queue serves urgent ones first. */
public enum Priority {

	URGENT, HIGH, MEDIUM, LOW;

	/** The name on the wire, made once: it is written into every message and event. */
	private final String wire = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<Priority> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (Priority priority : values()) {
			if (priority.wire().equalsIgnoreCase(value.strip())) {
				return Optional.of(priority);
			}
		}
		return Optional.empty();
	}

}
