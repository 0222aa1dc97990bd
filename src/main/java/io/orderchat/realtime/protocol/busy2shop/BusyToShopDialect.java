package io.orderchat.realtime.protocol.busy2shop;

import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.BackPressure;

import io.orderchat.realtime.events.ChatEvent;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.SendResult;
import io.orderchat.realtime.protocol.busy2shop.BusyToShopMessage;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.events.ChatEvent.MemberPresence;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.MessageRemoved;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * Busy2Shop's order chat (seed 001): {@code join-order-chat}, {@code send-message},
 * {@code typing}, {@code leave-order-chat}; the server answers with
 * {@code previous-messages}, {@code new-message}, {@code user-typing},
 * {@code user-joined}, {@code user-left} and {@code error}. Orders are named by their id
 * or the host app's external id.
 */
final class BusyToShopDialect extends SeedDialect {

	private final RealtimeConversations conversations;

	BusyToShopDialect(RealtimeConversations conversations) {
		this.conversations = conversations;
	}

	@Override
	public String name() {
		return "seed001";
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, "join-order-chat", BackPressure.bulky(this::join));
		router.on(this, "send-message", this::send);
		// Seed 003 sends "typing" too, with a session_id; Busy2Shop's carries an orderId.
		router.on(this, "typing", (args) -> !carries(args, "session_id"), this::typing);
		router.on(this, "leave-order-chat", (socket, caller, args) -> {
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
		socket.emit("previous-messages",
				joined.view()
					.messages()
					.stream()
					.filter((message) -> !message.deleted())
					.map((message) -> BusyToShopMessage.of(orderId, message, isRead(message, caller, readSeq)))
					.toList());
		return json("orderId", orderId, "conversationId", id, "unreadCount", joined.view().unreadCount());
	}

	private static boolean isRead(Message message, Caller reader, long readSeq) {
		return message.sentBy(reader.userId()) || message.seq() <= readSeq;
	}

	private Object send(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		String orderId = payload.id("orderId");
		String content = payload.optionalText("message").or(() -> payload.optionalText("content")).orElse(null);
		String clientId = payload.optionalId("clientId").or(() -> payload.optionalId("tempId")).orElse(null);
		SendResult result = this.conversations.send(socket, caller, this.conversations.ofPartiesOrder(caller, orderId),
				NewMessage.text(content, clientId));
		return BusyToShopMessage.of(orderId, result.message(), false);
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
		orderIdOf(about.subject()).ifPresent((orderId) -> {
			switch (event) {
				case MessageAdded added ->
					emitter.emit("new-message", BusyToShopMessage.of(orderId, added.message(), false));
				case MessageRemoved removed ->
					emitter.emit("message-deleted", json("messageId", removed.messageId(), "orderId", orderId));
				case TypingChanged typing -> emitter.emit("user-typing", json("userId", typing.userId(), "name",
						typing.name(), "orderId", orderId, "isTyping", typing.typing()));
				case MemberPresence member -> emitter.emit(member.joined() ? "user-joined" : "user-left", json("userId",
						member.userId(), "name", member.name(), "role", member.role(), "orderId", orderId));
				default -> {
					// Busy2Shop's clients know no other events.
				}
			}
		});
	}

}
