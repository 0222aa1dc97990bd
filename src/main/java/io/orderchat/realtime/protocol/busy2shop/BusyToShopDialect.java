package io.orderchat.realtime.protocol.busy2shop;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.NewMessage;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.ChatEvent.MemberPresence;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.protocol.OrderChats;
import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.MessagePayload;
import io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.Person;
import io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.PresencePayload;
import io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.TypingPayload;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

import static io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.JOIN_ORDER_CHAT;
import static io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.LEAVE_ORDER_CHAT;
import static io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.NEW_MESSAGE;
import static io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.PREVIOUS_MESSAGES;
import static io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.SEND_MESSAGE;
import static io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.TYPING;
import static io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.USER_JOINED;
import static io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.USER_LEFT;
import static io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.USER_TYPING;

/**
 * Busy2Shop's order chat (seed 001, DIALECTS.md §2; names in {@link BusyToShopEvents}).
 * Orders are named by their id or the host app's external id; events name them by the id
 * the host's clients know ({@link OrderChats#clientOrderId}). Only users' messages reach
 * these clients: the app's chat has no system messages, and its {@code chat.js} reads
 * {@code message.sender.id} of every message it shows.
 */
final class BusyToShopDialect extends SeedDialect {

	private final RealtimeConversations conversations;

	private final OrderChats chats;

	BusyToShopDialect(RealtimeConversations conversations, OrderChats chats) {
		this.conversations = conversations;
		this.chats = chats;
	}

	@Override
	public String name() {
		return "seed001";
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, JOIN_ORDER_CHAT, BackPressure.bulky(this::join));
		// pipelined: new-message reaches the room after the commit either way, and the
		// sender's next message need not wait for it
		router.onPipelined(this, SEND_MESSAGE, this::send);
		// Seed 003 sends "typing" too, with a session_id; Busy2Shop's carries an orderId.
		router.on(this, TYPING, (args) -> !carries(args, "session_id"), this::typing);
		router.on(this, LEAVE_ORDER_CHAT, (socket, caller, args) -> {
			String orderId = idArgument(args, "orderId");
			this.conversations.leave(socket, caller, this.conversations.ofPartiesOrder(caller, orderId));
			return json("orderId", orderId);
		});
	}

	private Object join(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		String orderId = idArgument(args, "orderId");
		ConversationId id = this.conversations.ofPartiesOrder(caller, orderId);
		RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, id);
		long readSeq = joined.view().readSeq();
		socket.emit(PREVIOUS_MESSAGES.wireName(),
				joined.view()
					.messages()
					.stream()
					.filter(OrderChats::isChatMessage)
					.map((message) -> MessagePayload.of(orderId, message, isRead(message, caller, readSeq)))
					.toList());
		return json("orderId", orderId, "conversationId", id, "unreadCount", joined.view().unreadCount());
	}

	private static boolean isRead(Message message, Caller reader, long readSeq) {
		return message.sentBy(reader.userId()) || message.seq() <= readSeq;
	}

	/** Answered once the message is committed. */
	private CompletableFuture<MessagePayload> send(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		String orderId = payload.id("orderId");
		String content = payload.optionalText("message").or(() -> payload.optionalText("content")).orElse(null);
		String clientId = payload.optionalId("clientId").or(() -> payload.optionalId("tempId")).orElse(null);
		return this.conversations
			.sendLater(socket, caller, this.conversations.ofPartiesOrder(caller, orderId),
					NewMessage.text(content, clientId))
			.thenApply((result) -> MessagePayload.of(orderId, result.message(), false));
	}

	private Object typing(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		ConversationId id = this.conversations.ofPartiesOrder(caller, payload.id("orderId"));
		this.conversations.setTyping(socket, caller, id, payload.optionalBoolean("isTyping").orElse(true));
		return null;
	}

	@Override
	public void render(ChatEvent event, Emitter emitter) {
		if (!(event instanceof ChatEvent.InConversation about)) {
			return;
		}
		orderIdOf(about.subject()).map(this.chats::clientOrderId).ifPresent((orderId) -> {
			switch (event) {
				case MessageAdded added when OrderChats.isChatMessage(added.message()) ->
					emitter.emit(NEW_MESSAGE, MessagePayload.of(orderId, added.message(), false));
				case TypingChanged typing ->
					emitter.emit(USER_TYPING, new TypingPayload(new Person(typing.userId(), typing.name()),
							typing.typing(), orderId, typing.userId(), typing.name()));
				case MemberPresence member -> emitter.emit(member.joined() ? USER_JOINED : USER_LEFT,
						new PresencePayload(member.userId(), member.name(),
								(member.role() != null) ? member.role().wire() : null, orderId, Instant.now()));
				default -> {
					// Busy2Shop's clients know no other events.
				}
			}
		});
	}

}
