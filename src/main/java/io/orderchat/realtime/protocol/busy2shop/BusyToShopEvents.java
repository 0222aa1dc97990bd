package io.orderchat.realtime.protocol.busy2shop;

import java.time.Instant;

import io.orderchat.conversations.Message;
import io.orderchat.realtime.gateway.WireEvent;

/**
 * Busy2Shop's catalogue (seed 001, DIALECTS.md §2): every command its clients send and
 * every event they receive (docs/protocol.md lists the same, checked by a test), with the
 * payloads of its events. The app's own {@code chat.js} reads {@code message.sender.id},
 * {@code message.sender.name}, {@code message.message}, {@code message.createdAt} and
 * {@code data.user.id}, {@code data.user.name}; the flat {@code senderId},
 * {@code senderName}, {@code userId} beside them serve OrderChat's drop-in
 * {@code /js/chat.js}.
 */
public enum BusyToShopEvents implements WireEvent {

	JOIN_ORDER_CHAT("join-order-chat", Direction.COMMAND), SEND_MESSAGE("send-message", Direction.COMMAND),
	TYPING("typing", Direction.COMMAND), LEAVE_ORDER_CHAT("leave-order-chat", Direction.COMMAND),

	PREVIOUS_MESSAGES("previous-messages", Direction.EVENT), NEW_MESSAGE("new-message", Direction.EVENT),
	USER_TYPING("user-typing", Direction.EVENT), USER_JOINED("user-joined", Direction.EVENT),
	USER_LEFT("user-left", Direction.EVENT), ERROR("error", Direction.EVENT);

	private final String wireName;

	private final Direction direction;

	BusyToShopEvents(String wireName, Direction direction) {
		this.wireName = wireName;
		this.direction = direction;
	}

	@Override
	public String wireName() {
		return this.wireName;
	}

	@Override
	public Direction direction() {
		return this.direction;
	}

	/**
	 * A chat message: {@code new-message}, the items of {@code previous-messages} and of
	 * the REST history. {@code sender.type} is the sender's role.
	 */
	public record MessagePayload(String id, String orderId, String message, boolean isRead, Sender sender,
			String senderId, String senderName, String senderType, String messageType, long seq, Instant createdAt,
			Instant updatedAt) {

		/** Only users' messages: Busy2Shop's chat has no system messages. */
		static MessagePayload of(String orderId, Message message, boolean isRead) {
			String role = (message.senderRole() != null) ? message.senderRole().wire() : null;
			return new MessagePayload(message.id().toString(), orderId, message.content(), isRead,
					new Sender(message.senderId(), message.senderName(), role, null), message.senderId(),
					message.senderName(), role, message.type().wire(), message.seq(), message.createdAt(),
					message.createdAt());
		}

	}

	/** Who sent a message; {@code type} is their role. */
	public record Sender(String id, String name, String type, String displayImage) {
	}

	/** Someone named in an event. */
	public record Person(String id, String name) {
	}

	/** {@code user-typing}, to the others in the room. */
	public record TypingPayload(Person user, boolean isTyping, String orderId, String userId, String name) {
	}

	/** {@code user-joined} / {@code user-left}, to the others in the room. */
	public record PresencePayload(String userId, String name, String role, String orderId, Instant timestamp) {
	}

}
