package io.orderchat.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stored files a message refers to, read from its metadata: a {@code key} (or
 * {@code storageKey}, {@code fileKey}) at the top level or in each entry of
 * {@code attachments}. The attachments module writes these; a clean hands them back to
 * it.
 */
final class AttachmentKeys {

	private static final List<String> NAMES = List.of("key", "storageKey", "fileKey");

	private AttachmentKeys() {
	}

	static List<String> of(Message message) {
		List<String> keys = new ArrayList<>();
		if (message.metadata() == null) {
			return keys;
		}
		collect(message.metadata(), keys);
		if (message.metadata().get("attachments") instanceof List<?> attachments) {
			for (Object attachment : attachments) {
				if (attachment instanceof Map<?, ?> fields) {
					collect(fields, keys);
				}
			}
		}
		return keys;
	}

	private static void collect(Map<?, ?> fields, List<String> keys) {
		for (String name : NAMES) {
			if (fields.get(name) instanceof String key && !key.isBlank()) {
				keys.add(key);
				return;
			}
		}
	}

}
