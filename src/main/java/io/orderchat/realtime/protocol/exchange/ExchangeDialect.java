package io.orderchat.realtime.protocol.exchange;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.HistoryPage;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.NewMessage;
import io.orderchat.identity.Caller;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.OrderStatus;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.ChatEvent.InConversation;
import io.orderchat.realtime.events.ChatEvent.MemberPresence;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.OrderStatusChanged;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.SocketRooms;
import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.MessagePayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.MessagesPayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.StatusUpdatedPayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.TypingPayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.UserJoinedPayload;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * The currency-exchange app's chat (seed 000, DIALECTS.md §1.2–1.3): rooms are the
 * orders' chat rooms ({@code roomId} = the {@code chatRoomId} that placing an order
 * returns), open to the order's owner, its current moderator and admins. The moderators'
 * commands are {@link ExchangeStaff}'s.
 */
final class ExchangeDialect extends SeedDialect {

	private static final int DEFAULT_PAGE_SIZE = 50;

	/** Pages are counted from the newest; deeper than this, ask by REST. */
	private static final int MAX_PAGE = 100;

	private final RealtimeConversations conversations;

	private final SocketRooms rooms;

	private final ExchangeRooms orderRooms;

	private final OrderManagement orders;

	ExchangeDialect(RealtimeConversations conversations, SocketRooms rooms, ExchangeRooms orderRooms,
			OrderManagement orders) {
		this.conversations = conversations;
		this.rooms = rooms;
		this.orderRooms = orderRooms;
		this.orders = orders;
	}

	@Override
	public String name() {
		return "seed000";
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, ExchangeEvents.CHAT_JOIN, BackPressure.bulky(this::join));
		// pipelined: the room hears chat:message after the commit either way, and the
		// sender's next message need not wait for it
		router.onPipelined(this, ExchangeEvents.SEND_MESSAGE, this::send);
		// not pipelined: the image is stored with its message in one transaction, so it
		// waits for the socket's earlier messages like any other command
		router.on(this, ExchangeEvents.CHAT_IMAGE, this::sendImage);
		router.on(this, ExchangeEvents.CHAT_TYPING, this::typing);
		router.on(this, ExchangeEvents.GET_MESSAGES, BackPressure.bulky(this::messages));
		router.on(this, ExchangeEvents.UPDATE_STATUS, this::updateStatus);
	}

	/**
	 * Joins the room: the joiner gets {@code chat:userJoined} as its confirmation, the
	 * others in the room hear of it the same way.
	 */
	private Object join(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		ExchangeRooms.Room room = this.orderRooms.room(payload);
		// who may, first: a stranger learns nothing about which order a room is of
		ExchangeRooms.requireMayChat(caller, room.order());
		payload.optionalId("orderId").ifPresent((orderId) -> {
			if (!room.isOf(orderId)) {
				throw Payload.invalid("'orderId' " + orderId + " is not the order of room " + room.id());
			}
		});
		RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, room.id());
		socket.emit(ExchangeEvents.USER_JOINED.wireName(), new UserJoinedPayload(room.id().toString(),
				room.order().id().toString(), caller.userId(), caller.name(), caller.role()));
		return json("roomId", room.id(), "orderId", room.order().id().toString(), "messages",
				ExchangeMessages.chatOnly(joined.view().messages(), room.order().id().toString()));
	}

	/** Answered once the message is committed (the commit's thread makes the answer). */
	private CompletableFuture<MessagePayload> send(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		ConversationId id = joinedRoom(socket, payload, "send messages");
		String content = payload.optionalText("message").or(() -> payload.optionalText("content")).orElse(null);
		if (content == null || content.isBlank()) {
			throw new DomainException(ErrorCode.CONTENT_EMPTY, "'message' must be a non-empty string");
		}
		String orderId = this.orderRooms.orderIdOf(id);
		return this.conversations
			.sendLater(socket, caller, id, NewMessage.text(content, payload.optionalId("clientId").orElse(null)))
			.thenApply((result) -> ExchangeMessages.of(result.message(), orderId));
	}

	private Object sendImage(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		ConversationId id = joinedRoom(socket, payload, "send images");
		Message stored = this.conversations
			.sendImage(socket, caller, id, imageBytes(payload.node("file")),
					payload.optionalText("fileName").or(() -> payload.optionalText("name")).orElse(null),
					payload.optionalId("clientId").orElse(null))
			.message();
		return ExchangeMessages.of(stored, this.orderRooms.orderIdOf(id));
	}

	private Object typing(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		ConversationId id = joinedRoom(socket, payload, "type");
		this.conversations.setTyping(socket, caller, id, payload.optionalBoolean("isTyping").orElse(true));
		return null;
	}

	/**
	 * {@code chat:getMessages {roomId, page?, limit?}}: page 1 is the newest
	 * {@code limit} messages, page 2 the ones before, each oldest first; answered with
	 * {@code chat:messages} to the caller.
	 */
	private Object messages(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		ConversationId id = joinedRoom(socket, payload, "read its messages");
		int page = payload.optionalInt("page").orElse(1);
		int limit = payload.optionalInt("limit").orElse(DEFAULT_PAGE_SIZE);
		if (page < 1 || page > MAX_PAGE) {
			throw Payload.invalid("'page' must be between 1 and " + MAX_PAGE);
		}
		Long before = null;
		List<Message> messages = List.of();
		boolean hasMore = true;
		for (int at = 1; at <= page; at++) {
			if (!hasMore) {
				messages = List.of();
				break;
			}
			HistoryPage history = this.conversations.history(caller, id, before, null, limit);
			messages = history.messages();
			hasMore = history.hasMore();
			if (!messages.isEmpty()) {
				before = messages.getFirst().seq();
			}
		}
		MessagesPayload answer = new MessagesPayload(id.toString(),
				ExchangeMessages.chatOnly(messages, this.orderRooms.orderIdOf(id)), page, hasMore);
		socket.emit(ExchangeEvents.MESSAGES.wireName(), answer);
		return answer;
	}

	/**
	 * {@code order:updateStatus} under seed 000's status flow: {@code processing} only by
	 * {@code moderator:accept}; {@code completed} and {@code rejected} from processing by
	 * the current moderator or an admin; {@code cancelled} as OrderChat allows it (owner,
	 * current moderator, admin); {@code pending} never.
	 */
	private Object updateStatus(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		ExchangeRooms.Room room = this.orderRooms.room(payload);
		String status = payload.text("status");
		OrderStatus to = OrderStatus.parse(status)
			.orElseThrow(() -> Payload
				.invalid("Unknown order status '" + status + "'; one of processing, completed, cancelled, rejected"));
		Order order = room.order();
		switch (to) {
			case PENDING ->
				throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, "An order never returns to pending");
			case PROCESSING -> throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
					"An order moves to processing when a moderator accepts it (moderator:accept)");
			case COMPLETED, REJECTED -> {
				if (!ExchangeRooms.isCurrentModerator(caller, order)) {
					throw DomainException.forbidden("Only the order's moderator or an admin can mark it " + to.wire());
				}
				if (order.status() != OrderStatus.PROCESSING) {
					throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, "The order is " + order.status().wire()
							+ "; only a processing order can become " + to.wire());
				}
			}
			case CANCELLED -> {
				// OrderChat's own rule is seed 000's: the owner, the current moderator,
				// an
				// admin.
			}
		}
		Order changed = this.orders.changeStatus(caller, order.id().toString(), to,
				payload.optionalText("notes").orElse(null));
		return json("orderId", changed.id().toString(), "roomId", room.id(), "status", changed.status());
	}

	/** The room a command names, which the socket must have joined. */
	private ConversationId joinedRoom(SocketIoSocket socket, Payload payload, String what) {
		ConversationId id = ConversationId.parse(payload.id("roomId"));
		this.rooms.requireJoined(socket, id, this, what);
		return id;
	}

	/**
	 * The image of a {@code chat:image}: binary (a browser File or Blob, an ArrayBuffer,
	 * a Node Buffer — the Socket.IO parser hands these over as binary nodes), a
	 * {@code {data: <binary>}} object or a {@code data:} URL. What the bytes are is for
	 * the attachments module to decide.
	 */
	static byte[] imageBytes(JsonNode file) {
		if (file.isObject() && file.path("data").isBinary()) {
			return file.path("data").binaryValue();
		}
		if (file.isBinary()) {
			return file.binaryValue();
		}
		if (file.isString() && file.stringValue().startsWith("data:")) {
			String url = file.stringValue();
			int comma = url.indexOf(',');
			if (comma > 0 && url.substring(0, comma).endsWith(";base64")) {
				try {
					return Base64.getDecoder().decode(url.substring(comma + 1));
				}
				catch (IllegalArgumentException ex) {
					throw Payload.invalid("'file' is not valid base64");
				}
			}
		}
		throw Payload.invalid("'file' must be the image itself (a File, Blob or ArrayBuffer) or a base64 data: URL");
	}

	@Override
	public void render(ChatEvent event, Emitter emitter) {
		if (!(event instanceof InConversation about)) {
			return;
		}
		String roomId = about.subject().conversationId();
		String orderId = orderIdOf(about.subject()).orElse(null);
		switch (event) {
			case MessageAdded added when ExchangeMessages.isChat(added.message()) ->
				emitter.emit(ExchangeEvents.MESSAGE, ExchangeMessages.of(added.message(), orderId));
			case TypingChanged typing -> emitter.emit(ExchangeEvents.USER_TYPING,
					new TypingPayload(roomId, typing.userId(), typing.name(), typing.typing()));
			case MemberPresence member when member.joined() -> emitter.emit(ExchangeEvents.USER_JOINED,
					new UserJoinedPayload(roomId, orderId, member.userId(), member.name(), member.role()));
			case OrderStatusChanged status -> {
				StatusUpdatedPayload update = new StatusUpdatedPayload(status.orderId(), roomId, status.to(),
						status.from(), status.notes(), status.byUserId(), status.at());
				emitter.emit(ExchangeEvents.STATUS_UPDATED, update);
				emitter.emit(ExchangeEvents.PUSHER_STATUS_UPDATED, update);
			}
			default -> {
				// The exchange app's clients know no other events (nor system messages).
			}
		}
	}

}
