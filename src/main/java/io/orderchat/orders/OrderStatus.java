package io.orderchat.orders;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an order is: pending → processing → completed, or cancelled / rejected from
 * pending or processing. Completed, cancelled and rejected are final.
 */
public enum OrderStatus {

	PENDING, PROCESSING, COMPLETED, CANCELLED, REJECTED;

	/** The name on the wire, made once: it is written into every message and event. */
	private final String wire = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The statuses the status machine allows next. */
	public Set<OrderStatus> next() {
		return switch (this) {
			case PENDING -> EnumSet.of(PROCESSING, CANCELLED, REJECTED);
			case PROCESSING -> EnumSet.of(COMPLETED, CANCELLED, REJECTED);
			case COMPLETED, CANCELLED, REJECTED -> EnumSet.noneOf(OrderStatus.class);
		};
	}

	public boolean isFinal() {
		return next().isEmpty();
	}

	public static Optional<OrderStatus> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (OrderStatus status : values()) {
			if (status.wire().equalsIgnoreCase(value.strip())) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
