package io.orderchat.realtime.protocol.dispatcher;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageType;

/**
 * The dispatcher's (seed 002) chat message, on REST and on the socket. {@code sender} is
 * the sender's user id ({@code null} for system messages), {@code senderType}
 * {@code user} or {@code system}.
 */
public record DispatcherMessage(@JsonProperty("_id") String mongoId, String id, String orderId, long seq, String sender,
		String senderName, String senderRole, String senderType, String message, String messageType,
		List<Object> attachments, boolean isRead, Instant timestamp, Instant createdAt) {

	public static DispatcherMessage of(String orderId, Message message, boolean isRead) {
		String id = message.id().toString();
		return new DispatcherMessage(id, id, orderId, message.seq(), message.senderId(), message.senderName(),
				(message.senderRole() != null) ? message.senderRole().wire() : null,
				(message.type() == MessageType.SYSTEM) ? "system" : "user", message.content(), message.type().wire(),
				List.of(), isRead, message.createdAt(), message.createdAt());
	}

}
