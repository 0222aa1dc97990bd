package io.orderchat.realtime.protocol.canonical;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.Reaction;
import io.orderchat.disputes.Dispute;
import io.orderchat.disputes.DisputeStatus;
import io.orderchat.identity.Role;
import io.orderchat.moderation.TransferStatus;
import io.orderchat.orders.OrderId;
import io.orderchat.orders.OrderJson;
import io.orderchat.orders.OrderStatus;
import io.orderchat.realtime.gateway.WireEvent;
import io.orderchat.support.SessionJson;
import io.orderchat.support.SupportStatus;

/**
 * The canonical vocabulary's catalogue: every command its clients send and every event
 * they receive (docs/protocol.md lists the same, checked by a test), with the payloads of
 * its chat events.
 */
public enum CanonicalEvents implements WireEvent {

	CONVERSATION_JOIN("conversation:join", Direction.COMMAND),
	CONVERSATION_LEAVE("conversation:leave", Direction.COMMAND), MESSAGE_SEND("message:send", Direction.COMMAND),
	MESSAGE_DELETE("message:delete", Direction.COMMAND), MESSAGE_REACT("message:react", Direction.COMMAND),
	MESSAGE_UNREACT("message:unreact", Direction.COMMAND), MESSAGE_HISTORY("message:history", Direction.COMMAND),
	MESSAGE_SEARCH("message:search", Direction.COMMAND), TYPING_START("typing:start", Direction.COMMAND),
	TYPING_STOP("typing:stop", Direction.COMMAND), CONVERSATION_READ("conversation:read", Direction.COMMAND),
	SYNC_RESUME("sync:resume", Direction.COMMAND), UNREAD_GET("unread:get", Direction.COMMAND),
	MODERATION_QUEUE("moderation:queue", Direction.COMMAND), ORDER_ACCEPT("order:accept", Direction.COMMAND),
	TRANSFER_INITIATE("transfer:initiate", Direction.COMMAND), TRANSFER_ACCEPT("transfer:accept", Direction.COMMAND),
	TRANSFER_DECLINE("transfer:decline", Direction.COMMAND),
	CONVERSATION_CLEAN("conversation:clean", Direction.COMMAND), NOTE_ADD("note:add", Direction.COMMAND),
	SUPPORT_QUEUE("support:queue", Direction.COMMAND), SUPPORT_ACCEPT("support:accept", Direction.COMMAND),
	SUPPORT_CLOSE("support:close", Direction.COMMAND), SUPPORT_STATUS("support:status", Direction.COMMAND),
	DISPUTE_OPEN("dispute:open", Direction.COMMAND), DISPUTE_STATUS("dispute:status", Direction.COMMAND),

	MESSAGE("message", Direction.EVENT), MESSAGE_DELETED("message:deleted", Direction.EVENT),
	MESSAGE_REACTIONS("message:reactions", Direction.EVENT), TYPING("typing", Direction.EVENT),
	READ("conversation:read", Direction.EVENT), UNREAD_UPDATED("unread:updated", Direction.EVENT),
	MEMBER_JOINED("member:joined", Direction.EVENT), MEMBER_LEFT("member:left", Direction.EVENT),
	PARTICIPANT_ADDED("participant:added", Direction.EVENT),
	PARTICIPANT_REMOVED("participant:removed", Direction.EVENT), PRESENCE("presence", Direction.EVENT),
	ORDER_STATUS("order:status", Direction.EVENT), NOTIFICATION("notification", Direction.EVENT),
	/** Sent by the gateway's session expiry to a socket of any vocabulary. */
	SESSION_EXPIRED("session:expired", Direction.EVENT), ERROR("error", Direction.EVENT),
	ORDER_NEW("order:new", Direction.EVENT), ORDER_ACCEPTED("order:accepted", Direction.EVENT),
	TRANSFER_INITIATED("transfer:initiated", Direction.EVENT), TRANSFER_ACCEPTED("transfer:accepted", Direction.EVENT),
	TRANSFER_DECLINED("transfer:declined", Direction.EVENT),
	CONVERSATION_CLEANED("conversation:cleaned", Direction.EVENT), NOTE_ADDED("note:added", Direction.EVENT),
	SUPPORT_QUEUED("support:queued", Direction.EVENT), SUPPORT_ACCEPTED("support:accepted", Direction.EVENT),
	SUPPORT_STATUS_CHANGED("support:status", Direction.EVENT),
	DISPUTE_STATUS_CHANGED("dispute:status", Direction.EVENT);

	private final String wireName;

	private final Direction direction;

	CanonicalEvents(String wireName, Direction direction) {
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

	/** {@code message}. */
	public record MessagePayload(String conversationId, Message message) {
	}

	/** {@code message:deleted}. */
	public record MessageDeletedPayload(String conversationId, String messageId, long seq) {
	}

	/**
	 * {@code message:reactions}, and the answer of {@code message:react} and
	 * {@code message:unreact}: the message's reactions now, per emoji with the user ids
	 * ({@code mine} is {@code userIds} holding the reader's id).
	 */
	public record ReactionsPayload(String conversationId, String messageId, long seq, List<Reaction> reactions) {
	}

	/** {@code typing}. */
	public record TypingPayload(String conversationId, String userId, String name, boolean isTyping) {
	}

	/** {@code conversation:read}, to the other members. */
	public record ReadPayload(String conversationId, String userId, long seq, Instant at) {
	}

	/**
	 * {@code unread:updated}: the user's own read (on any device, socket or REST), to
	 * every socket of that user only.
	 */
	public record UnreadUpdatedPayload(String conversationId, long readSeq, long unreadCount, Instant at) {
	}

	/** {@code member:joined}, {@code member:left}, {@code participant:added|removed}. */
	public record MemberPayload(String conversationId, String userId, String name, Role role) {
	}

	/** {@code presence}. */
	public record PresencePayload(String userId, boolean online) {
	}

	/**
	 * {@code order:status}; {@code statusName} is the new status as the host app named it
	 * (DIALECTS.md §0.7), beside OrderChat's {@code to}.
	 */
	public record OrderStatusPayload(String orderId, String conversationId, OrderStatus from, OrderStatus to,
			OrderStatus status, String by, String notes, Instant at, String statusName) {
	}

	/** {@code notification}: a message in a conversation the socket has not joined. */
	public record NotificationPayload(String type, String conversationId, ConversationKind kind, String subjectId,
			@JsonInclude(JsonInclude.Include.NON_NULL) String orderId, String content, Message message) {
	}

	/** {@code error}, when a failed command asked for no acknowledgement. */
	public record ErrorPayload(String code, String message, String command) {
	}

	/** {@code {id, name}} of a moderator or agent named in an event. */
	public record Person(String id, String name) {
	}

	/** {@code order:new}. */
	public record OrderQueuedPayload(OrderJson order, ConversationId conversationId) {
	}

	/** {@code order:accepted}. */
	public record OrderAcceptedPayload(String conversationId, String orderId, Person moderator) {
	}

	/**
	 * {@code transfer:initiated}, {@code transfer:accepted}, {@code transfer:declined}.
	 */
	public record TransferPayload(ConversationId conversationId, OrderId orderId, String transferId,
			TransferStatus status, Person from, Person to) {
	}

	/** {@code conversation:cleaned}. */
	public record CleanedPayload(String conversationId, Person moderator, int messagesRemoved, int imagesDeleted) {
	}

	/** {@code note:added}, to staff sockets only. */
	public record NotePayload(String conversationId, Message message) {
	}

	/** {@code support:queued}. */
	public record SessionQueuedPayload(SessionJson session) {
	}

	/** {@code support:accepted}. */
	public record SessionAcceptedPayload(String conversationId, SessionJson session) {
	}

	/** {@code support:status}. */
	public record SessionStatusPayload(String conversationId, String sessionId, SupportStatus from,
			SupportStatus status, String by, SessionJson session) {
	}

	/**
	 * {@code dispute:status}; {@code statusName}: as the host app named it (DIALECTS.md
	 * §0.7).
	 */
	public record DisputePayload(String disputeId, String orderId, String conversationId, DisputeStatus status,
			String statusName, Dispute dispute) {
	}

}
