package io.orderchat.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * Reading what clients send: an id that is no UUID names nothing ({@code NOT_FOUND}, as
 * an unknown id would), and free text is stripped and bounded.
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
		if (text.length() > max) {
			throw DomainException.invalid("Field '" + field + "' may have at most " + max + " characters");
		}
		return text;
	}

}
