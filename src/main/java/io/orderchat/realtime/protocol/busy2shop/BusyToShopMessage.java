package io.orderchat.realtime.protocol.busy2shop;

import java.time.Instant;

import io.orderchat.conversations.Message;

/**
 * Busy2Shop's (seed 001) chat message, on REST and on the socket. {@code senderType} is
 * the sender's role, or {@code system}.
 */
public record BusyToShopMessage(String id, String orderId, long seq, String senderId, String senderName,
		String senderType, String message, String messageType, boolean isRead, Instant createdAt, Instant updatedAt) {

	public static BusyToShopMessage of(String orderId, Message message, boolean isRead) {
		String senderType = (message.senderRole() != null) ? message.senderRole().wire() : "system";
		return new BusyToShopMessage(message.id().toString(), orderId, message.seq(), message.senderId(),
				message.senderName(), senderType, message.content(), message.type().wire(), isRead, message.createdAt(),
				message.createdAt());
	}

}
