package io.orderchat.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.orderchat.shared.Inputs;

/**
 * Where a page ended: the sort key of its last hit (the rank on PostgreSQL, the time on
 * H2) and the message id that breaks ties. Opaque to clients: base64url of
 * {@code key|id}.
 */
record SearchCursor(String key, UUID id) {

	String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.key + "|" + this.id).getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor a client sent back; empty when it is not one of ours. */
	static Optional<SearchCursor> decode(String value) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			int bar = text.lastIndexOf('|');
			if (bar < 1) {
				return Optional.empty();
			}
			return Inputs.parseUuid(text.substring(bar + 1)).map((id) -> new SearchCursor(text.substring(0, bar), id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
