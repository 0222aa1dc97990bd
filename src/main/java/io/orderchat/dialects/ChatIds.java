package io.orderchat.dialects;

import java.util.UUID;

import io.orderchat.shared.DomainException;

/** Ids as the seeds' paths carry them. */
final class ChatIds {

	private ChatIds() {
	}

	/** A message id; a string that is no UUID names no message. */
	static UUID messageId(String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.notFound("No message '" + value + "'");
		}
	}

}
