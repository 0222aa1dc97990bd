package io.orderchat.disputes;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a dispute is: open → in_review → resolved or rejected (a moderator may also
 * decide an open dispute straight away). Resolved and rejected are final; the others
 * count as open (and hold the order's conversation).
 */
public enum DisputeStatus {

	OPEN, IN_REVIEW, RESOLVED, REJECTED;

	/** The name on the wire, made once: it is written into every message and event. */
	private final String wire = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String wire() {
		return this.wire;
	}

	public Set<DisputeStatus> next() {
		return switch (this) {
			case OPEN -> EnumSet.of(IN_REVIEW, RESOLVED, REJECTED);
			case IN_REVIEW -> EnumSet.of(RESOLVED, REJECTED);
			case RESOLVED, REJECTED -> EnumSet.noneOf(DisputeStatus.class);
		};
	}

	public boolean isOpen() {
		return !next().isEmpty();
	}

	public static Optional<DisputeStatus> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String key = value.strip().replace('-', '_');
		for (DisputeStatus status : values()) {
			if (status.wire().equalsIgnoreCase(key)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
