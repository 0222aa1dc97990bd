package io.orderchat.realtime.protocol.dispatcher;

import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.RealtimeConversations;

import io.orderchat.realtime.events.ChatEvent;

import java.time.Instant;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ReadReceipt;
import io.orderchat.realtime.protocol.dispatcher.DispatcherMessage;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.events.ChatEvent.InConversation;
import io.orderchat.realtime.events.ChatEvent.MemberPresence;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.MessageRemoved;
import io.orderchat.realtime.events.ChatEvent.Notification;
import io.orderchat.realtime.events.ChatEvent.OrderStatusChanged;
import io.orderchat.realtime.events.ChatEvent.PresenceChanged;
import io.orderchat.realtime.events.ChatEvent.ReadUpTo;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher server (seed 002): the client sends bare order ids
 * ({@code join-order-room}, {@code leave-order-room}, {@code typing-start},
 * {@code typing-stop}, {@code mark-read}) and sends messages over REST; the server pushes
 * {@code new-message}, {@code order-updated}, {@code user-typing}, {@code message-read},
 * {@code user-joined-order}, {@code user-left-order}, {@code notification} and
 * {@code user-status}, each stamped with a {@code timestamp}.
 */
final class DispatcherDialect extends SeedDialect {

	private final RealtimeConversations conversations;

	DispatcherDialect(RealtimeConversations conversations) {
		this.conversations = conversations;
	}

	@Override
	public String name() {
		return "seed002";
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, "join-order-room", (socket, caller, args) -> {
			String orderId = idArgument(args, "orderId");
			RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, order(caller, orderId));
			return json("orderId", orderId, "unreadCount", joined.view().unreadCount());
		});
		router.on(this, "leave-order-room", (socket, caller, args) -> {
			String orderId = idArgument(args, "orderId");
			this.conversations.leave(socket, caller, order(caller, orderId));
			return json("orderId", orderId);
		});
		router.on(this, "typing-start", (socket, caller, args) -> typing(socket, caller, args, true));
		router.on(this, "typing-stop", (socket, caller, args) -> typing(socket, caller, args, false));
		router.on(this, "mark-read", (socket, caller, args) -> {
			String orderId = idArgument(args, "orderId");
			ReadReceipt receipt = this.conversations.read(caller, order(caller, orderId), null);
			return json("orderId", orderId, "readSeq", receipt.readSeq(), "unreadCount", receipt.unreadCount());
		});
	}

	private ConversationId order(Caller caller, String orderId) {
		return this.conversations.ofPartiesOrder(caller, orderId);
	}

	private Object typing(SocketIoSocket socket, Caller caller, JsonNode[] args, boolean typing) {
		ConversationId id = order(caller, idArgument(args, "orderId"));
		this.conversations.setTyping(socket, caller, id, typing);
		return null;
	}

	@Override
	public void render(ChatEvent event, Emitter emitter) {
		Instant now = Instant.now();
		if (event instanceof PresenceChanged presence) {
			emitter.emit("user-status", json("userId", presence.userId(), "status",
					presence.online() ? "online" : "offline", "isOnline", presence.online(), "timestamp", now));
			return;
		}
		orderIdOf(((InConversation) event).subject()).ifPresent((orderId) -> {
			switch (event) {
				case MessageAdded added -> emitter.emit("new-message",
						json("orderId", orderId, "message", DispatcherMessage.of(orderId, added.message(), false),
								"timestamp", added.message().createdAt()));
				case Notification notification -> emitter.emit("notification",
						json("type", "new-message", "orderId", orderId, "title", "New message", "message",
								DispatcherMessage.of(orderId, notification.message(), false), "timestamp",
								notification.message().createdAt()));
				case MessageRemoved removed -> emitter.emit("message-deleted",
						json("orderId", orderId, "messageId", removed.messageId(), "timestamp", removed.at()));
				case TypingChanged typing -> emitter.emit("user-typing",
						json("userId", typing.userId(), "orderId", orderId, "isTyping", typing.typing()));
				case ReadUpTo read -> emitter.emit("message-read",
						json("userId", read.userId(), "orderId", orderId, "seq", read.seq(), "timestamp", read.at()));
				case MemberPresence member -> emitter.emit(member.joined() ? "user-joined-order" : "user-left-order",
						json("userId", member.userId(), "name", member.name(), "role", member.role(), "orderId",
								orderId, "timestamp", now));
				case OrderStatusChanged status ->
					emitter.emit("order-updated",
							json("orderId", orderId, "update", json("status", status.to(), "previousStatus",
									status.from(), "notes", status.notes(), "updatedBy", status.byUserId()),
									"timestamp", status.at()));
				default -> {
					// The dispatcher's clients know no other events.
				}
			}
		});
	}

}
