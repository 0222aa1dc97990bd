package io.orderchat.support;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a support session is: waiting → active → resolved → closed. */
public enum SupportStatus {

	WAITING, ACTIVE, RESOLVED, CLOSED;

	/** The name on the wire, made once: it is written into every message and event. */
	private final String wire = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<SupportStatus> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (SupportStatus status : values()) {
			if (status.wire().equalsIgnoreCase(value.strip())) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
