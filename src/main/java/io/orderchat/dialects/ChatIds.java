package io.orderchat.dialects;

import java.util.UUID;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;

/** Ids as the seeds' paths carry them. */
final class ChatIds {

	private ChatIds() {
	}

	/** A message id; a string that is no UUID names no message. */
	static UUID messageId(String value) {
		return Inputs.uuid(value, "message");
	}

}
