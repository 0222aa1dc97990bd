package io.orderchat.orders;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import io.orderchat.shared.Inputs;

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
		return Inputs.parseUuid(value).map(OrderId::new);
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}

}
