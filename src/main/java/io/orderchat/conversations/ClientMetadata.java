package io.orderchat.conversations;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Inputs;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client may put in a message's {@code metadata}: a JSON object within the
 * configured size, depth and key limits ({@link ChatProperties}), without the NUL
 * character, and without the keys the server owns. Every user message passes here,
 * whichever REST path or socket dialect it came by, so one poisoned message can neither
 * make its conversation too large to open nor pass itself off as something the server
 * said.
 */
final class ClientMetadata {

	/**
	 * Keys the server sets or that clients read as the server's word: a note's
	 * visibility, the checked files, a system message's event, and the fields of the
	 * message itself. Refused rather than dropped, so a client learns at once that they
	 * are not its to set.
	 */
	static final Set<String> SERVER_OWNED = Set.of(Message.VISIBILITY, AttachedFile.METADATA_KEY, "event", "type",
			"seq", "sender", "senderId", "senderName", "senderRole", "internal", "isInternal", "is_internal",
			"staffOnly", "system");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ChatProperties limits;

	ClientMetadata(ChatProperties limits) {
		this.limits = limits;
	}

	/** Refuses {@code metadata} unless a client may store it; null passes. */
	void check(Map<String, Object> metadata) {
		if (metadata == null) {
			return;
		}
		for (String key : metadata.keySet()) {
			if (SERVER_OWNED.contains(key)) {
				throw DomainException.invalid("metadata." + key + " is set by the server, never by a client");
			}
		}
		int keys = walk(metadata, 1);
		if (keys > this.limits.metadataMaxKeys()) {
			throw DomainException
				.invalid("metadata may have at most " + this.limits.metadataMaxKeys() + " keys; this has " + keys);
		}
		long size = json.writeValueAsBytes(metadata).length;
		long max = this.limits.metadataMaxSize().toBytes();
		if (size > max) {
			throw new DomainException(ErrorCode.CONTENT_TOO_LONG,
					"metadata may have at most " + max + " bytes of JSON; this has " + size);
		}
	}

	/** Checks depth, key lengths and text of a value; answers the keys counted in it. */
	private int walk(Object value, int depth) {
		if (value instanceof Map<?, ?> || value instanceof List<?>) {
			if (depth > this.limits.metadataMaxDepth()) {
				throw DomainException
					.invalid("metadata may nest at most " + this.limits.metadataMaxDepth() + " levels deep");
			}
		}
		int keys = 0;
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				if (key.length() > this.limits.metadataMaxKeyLength()) {
					throw DomainException.invalid(
							"metadata keys may have at most " + this.limits.metadataMaxKeyLength() + " characters");
				}
				Inputs.requireNoNul(key, "metadata key");
				keys += 1 + walk(entry.getValue(), depth + 1);
				if (keys > this.limits.metadataMaxKeys()) {
					return keys;
				}
			}
		}
		else if (value instanceof List<?> list) {
			for (Object item : list) {
				keys += walk(item, depth + 1);
			}
		}
		else if (value instanceof String text) {
			Inputs.requireNoNul(text, "metadata");
		}
		return keys;
	}

}
