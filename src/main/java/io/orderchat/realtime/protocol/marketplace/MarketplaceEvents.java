package io.orderchat.realtime.protocol.marketplace;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderchat.conversations.MessageType;
import io.orderchat.identity.Role;
import io.orderchat.realtime.gateway.WireEvent;

/**
 * Seed 004's catalogue (DIALECTS.md §5): every command the marketplace's clients send and
 * every event they receive (docs/protocol.md lists the same, checked by a test), with the
 * payloads of its events. The fields DIALECTS.md requires come first; the rest are
 * OrderChat's additions, which the seed's clients ignore.
 */
public enum MarketplaceEvents implements WireEvent {

	JOIN_ORDER_CHAT("join_order_chat", Direction.COMMAND), LEAVE_ORDER_CHAT("leave_order_chat", Direction.COMMAND),
	JOIN_DISPUTE_CHAT("join_dispute_chat", Direction.COMMAND),
	LEAVE_DISPUTE_CHAT("leave_dispute_chat", Direction.COMMAND), SEND_ORDER_MESSAGE("order_message", Direction.COMMAND),
	SEND_DISPUTE_MESSAGE("dispute_message", Direction.COMMAND), ORDER_TYPING_SET("order_typing", Direction.COMMAND),
	DISPUTE_TYPING_SET("dispute_typing", Direction.COMMAND),
	MARK_MESSAGES_READ("mark_messages_read", Direction.COMMAND),

	JOINED_ORDER_CHAT("joined_order_chat", Direction.EVENT),
	JOINED_DISPUTE_CHAT("joined_dispute_chat", Direction.EVENT), ORDER_MESSAGE("order_message", Direction.EVENT),
	DISPUTE_MESSAGE("dispute_message", Direction.EVENT), ORDER_TYPING("order_typing", Direction.EVENT),
	DISPUTE_TYPING("dispute_typing", Direction.EVENT), ORDER_STATUS_UPDATE("order_status_update", Direction.EVENT),
	DISPUTE_STATUS_UPDATE("dispute_status_update", Direction.EVENT), MESSAGES_READ("messages_read", Direction.EVENT),
	NOTIFICATION("notification", Direction.EVENT), USER_PRESENCE("user_presence", Direction.EVENT),
	ERROR("error", Direction.EVENT);

	private final String wireName;

	private final Direction direction;

	MarketplaceEvents(String wireName, Direction direction) {
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
	 * {@code joined_order_chat}: the joiner's confirmation, with the order's status as
	 * the host app last named it and the chat's history.
	 */
	public record JoinedOrderChat(String orderId, String status, List<OrderMessage> messages) {
	}

	/**
	 * {@code joined_dispute_chat}: the joiner's confirmation, with the dispute's status
	 * as the host app last named it and the chat's history.
	 */
	public record JoinedDisputeChat(String disputeId, String orderId, String status, List<DisputeMessage> messages) {
	}

	/**
	 * A file of a message: uploaded to OrderChat (its id, served URL) or an external link
	 * ({@code external}, never fetched or served by OrderChat).
	 */
	public record Attachment(String id, String fileUrl, String fileName, Long fileSize, String fileType,
			String thumbnailUrl, boolean external) {
	}

	/**
	 * {@code order_message}: {@code receiverId} is the other party (for an admin's or a
	 * moderator's message: the customer).
	 */
	public record OrderMessage(String orderId, String messageId, String senderId, String receiverId, String content,
			List<Attachment> attachments, Instant createdAt, String id, String senderName, Role senderRole,
			MessageType type, long seq) {
	}

	/** {@code dispute_message}. */
	public record DisputeMessage(String disputeId, String orderId, String messageId, String senderId, String content,
			List<Attachment> attachments, Instant createdAt, String id, String senderName, Role senderRole,
			MessageType type, long seq) {
	}

	/** {@code order_typing}, to the order room but the typist. */
	public record OrderTyping(String orderId, String userId, boolean isTyping, String name) {
	}

	/** {@code dispute_typing}, to the dispute room but the typist. */
	public record DisputeTyping(String disputeId, String userId, boolean isTyping, String name) {
	}

	/** {@code order_status_update}. */
	public record OrderStatusUpdate(String orderId, String status, String updatedBy, Instant updatedAt,
			String previousStatus) {
	}

	/** {@code dispute_status_update}. */
	public record DisputeStatusUpdate(String disputeId, String orderId, String status, String updatedBy,
			Instant updatedAt) {
	}

	/** {@code messages_read}, to the order room but the reader. */
	public record MessagesRead(String orderId, String readBy, Instant readAt) {
	}

	/**
	 * {@code notification}: a new order message for its receiver ({@code userId});
	 * {@code relatedId} is the order's id.
	 */
	public record Notification(String id, String userId, String type, String content, String relatedId,
			Instant createdAt, OrderMessage message) {
	}

	/**
	 * {@code notification} of a dispute message, to the dispute's other parties:
	 * {@code relatedId} is the dispute's id; {@code userId} is null, since one
	 * notification goes to several receivers.
	 */
	public record DisputeNotification(String id, String userId, String type, String content, String relatedId,
			Instant createdAt, DisputeMessage message) {
	}

	/** {@code user_presence}; {@code lastSeen} only when the user went offline. */
	public record UserPresence(String userId, boolean isOnline,
			@JsonInclude(JsonInclude.Include.NON_NULL) Instant lastSeen) {
	}

}
