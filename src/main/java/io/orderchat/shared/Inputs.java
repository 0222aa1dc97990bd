package io.orderchat.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * Reading what clients send: an id that is no UUID names nothing ({@code NOT_FOUND}, as
 * an unknown id would), and free text is stripped and bounded. Text never carries the NUL
 * character: PostgreSQL cannot store it, and no client has a use for it.
 */
public final class Inputs {

	private Inputs() {
	}

	/**
	 * The UUID {@code value} spells; {@code NOT_FOUND} "No {what} '{value}'" otherwise.
	 */
	public static UUID uuid(String value, String what) {
		return parseUuid(value).orElseThrow(() -> DomainException.notFound("No " + what + " '" + value + "'"));
	}

	/** The UUID {@code value} spells (stripped), if it is one at all. */
	public static Optional<UUID> parseUuid(String value) {
		try {
			return Optional.of(UUID.fromString(value.strip()));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	/** Stripped text, {@code null} when blank; refused when longer than {@code max}. */
	public static String optionalText(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		requireNoNul(text, field);
		if (text.length() > max) {
			throw DomainException.invalid("Field '" + field + "' may have at most " + max + " characters");
		}
		return text;
	}

	/** Refuses text holding the NUL character (U+0000). */
	public static String requireNoNul(String value, String field) {
		if (value != null && value.indexOf('\0') >= 0) {
			throw DomainException.invalid(nulMessage(field));
		}
		return value;
	}

	/** The refusal of text with a NUL in it, for every place that checks. */
	public static String nulMessage(String field) {
		return "Field '" + field + "' must not contain the NUL character (\\u0000)";
	}

}
