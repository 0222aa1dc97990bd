package io.orderchat.orders;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** An order's own id (not the host app's external id); on the wire the UUID string. */
public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	/** The id a string names, if it is a UUID at all. */
	public static Optional<OrderId> parse(String value) {
		try {
			return Optional.of(new OrderId(UUID.fromString(value.strip())));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}

}
