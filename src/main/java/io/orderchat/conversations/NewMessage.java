package io.orderchat.conversations;

import java.util.Map;

/**
 * A message a user wants to send. {@code type} defaults to text; {@code clientId}
 * (optional, up to 100 characters) makes the send idempotent for its sender;
 * {@code metadata} is optional; {@code replyTo}, optional, is the seq of an earlier
 * message of the same conversation that this one quotes.
 */
public record NewMessage(MessageType type, String content, String clientId, Map<String, Object> metadata,
		Long replyTo) {

	public NewMessage(MessageType type, String content, String clientId, Map<String, Object> metadata) {
		this(type, content, clientId, metadata, null);
	}

	public static NewMessage text(String content, String clientId) {
		return new NewMessage(MessageType.TEXT, content, clientId, null);
	}

}
