package io.orderchat.realtime.protocol.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.conversations.MessageType;
import io.orderchat.identity.Role;
import io.orderchat.orders.OrderJson;
import io.orderchat.orders.OrderStatus;
import io.orderchat.realtime.gateway.WireEvent;

/**
 * Seed 000's catalogue (DIALECTS.md §1.2, §1.3): every command the exchange app's client
 * sends and every event it receives (docs/protocol.md lists the same, checked by a test),
 * with the payloads of its events.
 */
public enum ExchangeEvents implements WireEvent {

	CHAT_JOIN("chat:join", Direction.COMMAND), SEND_MESSAGE("chat:message", Direction.COMMAND),
	CHAT_IMAGE("chat:image", Direction.COMMAND), CHAT_TYPING("chat:typing", Direction.COMMAND),
	GET_MESSAGES("chat:getMessages", Direction.COMMAND), MODERATOR_ACCEPT("moderator:accept", Direction.COMMAND),
	INITIATE_TRANSFER("moderator:initiateTransfer", Direction.COMMAND),
	ACCEPT_TRANSFER("moderator:acceptTransfer", Direction.COMMAND),
	/** Beyond the seed: the target may also say no. */
	DECLINE_TRANSFER("moderator:declineTransfer", Direction.COMMAND), CHAT_CLEAN("chat:clean", Direction.COMMAND),
	UPDATE_STATUS("order:updateStatus", Direction.COMMAND),

	USER_JOINED("chat:userJoined", Direction.EVENT), MESSAGE("chat:message", Direction.EVENT),
	USER_TYPING("user:typing", Direction.EVENT), MESSAGES("chat:messages", Direction.EVENT),
	MODERATOR_JOINED("moderator:joined", Direction.EVENT), TRANSFERRING("chat:transferring", Direction.EVENT),
	TRANSFER_REQUEST("moderator:transferRequest", Direction.EVENT),
	MODERATOR_CHANGED("moderator:changed", Direction.EVENT),
	/** Beyond the seed: answers {@link #DECLINE_TRANSFER}. */
	TRANSFER_DECLINED("chat:transferDeclined", Direction.EVENT), CLEANED("chat:cleaned", Direction.EVENT),
	CLEAN_CONFIRMED("chat:cleanConfirmed", Direction.EVENT), STATUS_UPDATED("order:statusUpdated", Direction.EVENT),
	/**
	 * What the app's Pusher channels carried, also on the socket for clients ported to
	 * it.
	 */
	PUSHER_STATUS_UPDATED("status-updated", Direction.EVENT), NEW_ORDER_CHAT("new-order-chat", Direction.EVENT),
	/** Sent by {@code SeedDialect} for every refusal. */
	ERROR("error", Direction.EVENT);

	private final String wireName;

	private final Direction direction;

	ExchangeEvents(String wireName, Direction direction) {
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

	/** Someone named in an event. */
	public record Person(String id, String name) {
	}

	/** A message's author: the seed's clients read {@code _id} as well as {@code id}. */
	public record Sender(@JsonProperty("_id") String mongoId, String id, String name, Role role) {

		static Sender of(String id, String name, Role role) {
			return new Sender(id, id, name, role);
		}

	}

	/** {@code chat:userJoined}, to the room and the joiner. */
	public record UserJoinedPayload(String roomId, String orderId, String userId, String name, Role role) {
	}

	/**
	 * {@code chat:message}; {@code message} is the seed's name for {@code content}. An
	 * image's {@code content} is its address, as {@code imageUrl}.
	 */
	public record MessagePayload(@JsonProperty("_id") String mongoId, String id, String roomId, String orderId,
			MessageType type, String content, String message, Sender sender, Instant createdAt, long seq,
			@JsonInclude(JsonInclude.Include.NON_NULL) String imageUrl,
			@JsonInclude(JsonInclude.Include.NON_NULL) ImageMetadata metadata, List<Map<?, ?>> attachments) {
	}

	/** An image message's file. */
	public record ImageMetadata(String mimeType, Object size) {
	}

	/** {@code user:typing}, to the others in the room. */
	public record TypingPayload(String roomId, String userId, String name, boolean isTyping) {
	}

	/** {@code chat:messages}: one page of history, oldest first. */
	public record MessagesPayload(String roomId, List<MessagePayload> messages, int page, boolean hasMore) {
	}

	/** {@code moderator:joined}. */
	public record ModeratorJoinedPayload(String roomId, String orderId, Person moderator) {
	}

	/**
	 * {@code chat:transferring} (and {@code chat:transferDeclined}): {@code from} is the
	 * name the seed's client prints; the objects carry the ids.
	 */
	public record TransferringPayload(String roomId, String orderId, String from, String toModeratorId,
			Instant timestamp, String to, Person fromModerator, Person toModerator) {
	}

	/** {@code moderator:transferRequest}, to the target's sockets only. */
	public record TransferRequestPayload(String roomId, String orderId, Person from, String roomName) {
	}

	/** {@code moderator:changed}. */
	public record ModeratorChangedPayload(String roomId, String orderId, Person newModerator,
			Person previousModerator) {
	}

	/** {@code chat:cleaned}. */
	public record CleanedPayload(String roomId, Person moderator, int imagesDeleted, int messagesDeleted,
			Instant timestamp) {
	}

	/** {@code chat:cleanConfirmed}, to the moderator who cleaned. */
	public record CleanConfirmedPayload(boolean success, String roomId, int imagesDeleted) {
	}

	/** {@code order:statusUpdated} and {@code status-updated}. */
	public record StatusUpdatedPayload(String orderId, String roomId, OrderStatus status, OrderStatus previousStatus,
			String notes, String updatedBy, Instant timestamp) {
	}

	/** {@code new-order-chat}, to online moderators. */
	public record NewOrderChatPayload(String orderId, String chatRoomId, String roomId, OrderJson order) {
	}

}
