package io.orderchat.realtime.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.conversations.AttachedFile;
import io.orderchat.conversations.Message;
import tools.jackson.databind.JsonNode;

/**
 * Files a socket message refers to, as the dialects spell them: an id, a descriptor with
 * {@code id}, or one with the {@code fileUrl} / {@code file_url} the server handed out
 * ({@code /uploads/chat-attachments/{id}/…}); and the descriptors a stored message
 * carries.
 */
public final class AttachmentReferences {

	private static final String URL_PREFIX = "/uploads/chat-attachments/";

	private AttachmentReferences() {
	}

	/** The ids in a list of references; a reference that names no upload is refused. */
	public static List<UUID> ids(JsonNode list) {
		if (!list.isArray()) {
			throw Payload.invalid("'attachments' must be a list of uploaded files");
		}
		List<UUID> ids = new ArrayList<>();
		for (JsonNode item : list) {
			ids.add(id(item));
		}
		return ids;
	}

	private static UUID id(JsonNode item) {
		String text = null;
		if (item.isString()) {
			text = item.stringValue();
		}
		else if (item.isObject()) {
			for (String field : List.of("id", "fileUrl", "file_url", "url")) {
				if (item.path(field).isString()) {
					text = item.path(field).stringValue();
					break;
				}
			}
		}
		String candidate = (text != null) ? idFromUrl(text) : "";
		try {
			return UUID.fromString(candidate);
		}
		catch (IllegalArgumentException ex) {
			throw Payload.invalid("'attachments' must name files uploaded to this server (their id or file_url)");
		}
	}

	private static String idFromUrl(String text) {
		int at = text.indexOf(URL_PREFIX);
		if (at < 0) {
			return text.strip();
		}
		String rest = text.substring(at + URL_PREFIX.length());
		int slash = rest.indexOf('/');
		return (slash < 0) ? rest : rest.substring(0, slash);
	}

	/** The file descriptors of a stored message (empty for text and deleted messages). */
	public static List<Map<?, ?>> of(Message message) {
		Object files = (message.metadata() != null) ? message.metadata().get(AttachedFile.METADATA_KEY) : null;
		if (!(files instanceof List<?> list)) {
			return List.of();
		}
		List<Map<?, ?>> descriptors = new ArrayList<>();
		for (Object file : list) {
			if (file instanceof Map<?, ?> descriptor) {
				descriptors.add(descriptor);
			}
		}
		return descriptors;
	}

}
