package io.orderchat.realtime.protocol.dispatcher;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageType;
import io.orderchat.identity.Role;
import io.orderchat.realtime.gateway.WireEvent;

/**
 * The dispatcher's catalogue (seed 002, DIALECTS.md §3): every command its clients send
 * (bare order ids) and every event they receive (docs/protocol.md lists the same, checked
 * by a test), with the payloads of its events and its message DTO.
 */
public enum DispatcherEvents implements WireEvent {

	JOIN_ORDER_ROOM("join-order-room", Direction.COMMAND), LEAVE_ORDER_ROOM("leave-order-room", Direction.COMMAND),
	TYPING_START("typing-start", Direction.COMMAND), TYPING_STOP("typing-stop", Direction.COMMAND),
	MARK_READ("mark-read", Direction.COMMAND),

	NEW_MESSAGE("new-message", Direction.EVENT), ORDER_UPDATED("order-updated", Direction.EVENT),
	USER_TYPING("user-typing", Direction.EVENT), MESSAGE_READ("message-read", Direction.EVENT),
	USER_JOINED_ORDER("user-joined-order", Direction.EVENT), USER_LEFT_ORDER("user-left-order", Direction.EVENT),
	NOTIFICATION("notification", Direction.EVENT), ERROR("error", Direction.EVENT);

	private final String wireName;

	private final Direction direction;

	DispatcherEvents(String wireName, Direction direction) {
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
	 * The app's {@code MessageDTO}, on REST and in {@code new-message}: {@code user} is
	 * the author ({@code id: null} for a system message), {@code senderType}
	 * {@code user}, {@code admin} or {@code system}. {@code _id} and {@code sender} (the
	 * author's id) repeat what Mongo-minded clients read.
	 */
	public record MessagePayload(@JsonProperty("_id") String mongoId, String id, String orderId, User user,
			String sender, String message, String messageType, String senderType, boolean isRead, long seq,
			Instant createdAt, Instant updatedAt) {

		static MessagePayload of(String orderId, Message message, boolean isRead) {
			String id = message.id().toString();
			boolean system = message.type() == MessageType.SYSTEM || message.senderId() == null;
			String senderType = system ? "system" : (message.senderRole() == Role.ADMIN) ? "admin" : "user";
			return new MessagePayload(id, id, orderId,
					new User(message.senderId(), system ? null : message.senderName(), null), message.senderId(),
					message.content(), system ? "system" : "text", senderType, isRead, message.seq(),
					message.createdAt(), message.createdAt());
		}

	}

	/**
	 * A message's author: {@code email} is always {@code null} (OrderChat knows none).
	 */
	public record User(String id, String name, String email) {
	}

	/** {@code new-message}, to the order room. */
	public record NewMessagePayload(String orderId, MessagePayload message, Instant timestamp) {
	}

	/**
	 * {@code order-updated}: {@code update.status} is the status as the host app named it
	 * (DIALECTS.md §0.7), {@code update.orderChatStatus} OrderChat's.
	 */
	public record OrderUpdatedPayload(String orderId, Map<String, Object> update, Instant timestamp) {
	}

	/** {@code user-typing}, to the others in the room. */
	public record TypingPayload(String userId, String orderId, boolean isTyping, String name) {
	}

	/** {@code message-read}, to the others in the room. */
	public record ReadPayload(String userId, String orderId, Instant timestamp) {
	}

	/** {@code user-joined-order} / {@code user-left-order}, to the others in the room. */
	public record MemberPayload(String userId, String orderId, Instant timestamp, String name) {
	}

	/**
	 * {@code notification}, to a participant's sockets outside the order's room: the
	 * app's notification service's shape.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NotificationPayload(String id, String type, String title, String message,
			Map<String, String> metadata, Instant createdAt, String orderId) {
	}

}
