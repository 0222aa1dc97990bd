package io.orderchat.realtime.gateway;

import java.util.Optional;
import java.util.UUID;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The first argument of a command, read field by field. A missing or mistyped field is a
 * {@link ErrorCode#VALIDATION_FAILED} naming the field, never a crash.
 */
public record Payload(JsonNode body) {

	public static Payload of(JsonNode[] args) {
		if (args.length == 0 || args[0] == null || args[0].isNull()) {
			return new Payload(NullNode.getInstance());
		}
		if (!args[0].isObject()) {
			throw invalid("The payload must be a JSON object");
		}
		return new Payload(args[0]);
	}

	/** A required text field: a JSON string, nothing else. */
	public String text(String field) {
		return optionalText(field).orElseThrow(() -> invalid("'" + field + "' is required"));
	}

	/**
	 * A text field: a JSON string or absent; a number or anything else is refused, never
	 * turned into text.
	 */
	public Optional<String> optionalText(String field) {
		JsonNode value = this.body.get(field);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (value.isString()) {
			return Optional.of(value.stringValue());
		}
		throw invalid("'" + field + "' must be a string");
	}

	/** A required id: a string, or a whole number (host apps' numeric ids). */
	public String id(String field) {
		return optionalId(field).orElseThrow(() -> invalid("'" + field + "' is required"));
	}

	/** An id: a string, or a whole number (host apps' numeric ids, clients' counters). */
	public Optional<String> optionalId(String field) {
		JsonNode value = this.body.get(field);
		if (value != null && value.isIntegralNumber()) {
			return Optional.of(value.asString());
		}
		return optionalText(field);
	}

	public UUID uuid(String field) {
		return optionalUuid(field).orElseThrow(() -> invalid("'" + field + "' is required"));
	}

	public Optional<UUID> optionalUuid(String field) {
		return optionalId(field).map((text) -> {
			try {
				return UUID.fromString(text);
			}
			catch (IllegalArgumentException ex) {
				throw invalid("'" + field + "' must be a UUID");
			}
		});
	}

	public Optional<Long> optionalLong(String field) {
		JsonNode value = this.body.get(field);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return Optional.of(value.longValue());
		}
		throw invalid("'" + field + "' must be an integer");
	}

	/**
	 * A whole number within {@code int}: larger ones are refused, never wrapped around
	 * (4294967306 is not 10).
	 */
	public Optional<Integer> optionalInt(String field) {
		return optionalLong(field).map((value) -> {
			if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
				throw invalid("'" + field + "' is out of range");
			}
			return value.intValue();
		});
	}

	public Optional<Boolean> optionalBoolean(String field) {
		JsonNode value = this.body.get(field);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (value.isBoolean()) {
			return Optional.of(value.booleanValue());
		}
		throw invalid("'" + field + "' must be true or false");
	}

	public JsonNode node(String field) {
		JsonNode value = this.body.get(field);
		return (value != null) ? value : NullNode.getInstance();
	}

	public static DomainException invalid(String message) {
		return new DomainException(ErrorCode.VALIDATION_FAILED, message);
	}

}
