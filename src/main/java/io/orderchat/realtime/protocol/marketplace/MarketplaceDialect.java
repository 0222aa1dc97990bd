package io.orderchat.realtime.protocol.marketplace;

import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.AttachmentReferences;

import io.orderchat.realtime.events.ChatEvent;

import java.util.List;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.NewMessage;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.events.ChatEvent.InConversation;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.Notification;
import io.orderchat.realtime.events.ChatEvent.OrderStatusChanged;
import io.orderchat.realtime.events.ChatEvent.PresenceChanged;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * The services marketplace (seed 004): {@code join_order_chat} / {@code leave_order_chat}
 * {@code {orderId}}, {@code order_message} {@code {orderId, content, attachments?}}
 * (files uploaded over REST, named by {@code fileUrl} or id) and {@code order_typing}
 * {@code {orderId, isTyping}}; the server pushes {@code order_message},
 * {@code order_typing}, {@code order_status_update}, {@code notification} and
 * {@code user_presence}.
 */
final class MarketplaceDialect extends SeedDialect {

	private final RealtimeConversations conversations;

	MarketplaceDialect(RealtimeConversations conversations) {
		this.conversations = conversations;
	}

	@Override
	public String name() {
		return "seed004";
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, "join_order_chat", BackPressure.bulky((socket, caller, args) -> {
			String orderId = idArgument(args, "orderId");
			RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, order(caller, orderId));
			return json("orderId", orderId, "messages",
					joined.view().messages().stream().map((m) -> message(orderId, m)).toList());
		}));
		router.on(this, "leave_order_chat", (socket, caller, args) -> {
			String orderId = idArgument(args, "orderId");
			this.conversations.leave(socket, caller, order(caller, orderId));
			return json("orderId", orderId);
		});
		router.on(this, "order_message", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			String orderId = payload.id("orderId");
			String content = payload.optionalText("content").orElse(null);
			String clientId = payload.optionalId("clientId").orElse(null);
			JsonNode files = payload.node("attachments");
			Message stored = (files.isArray() && !files.isEmpty())
					? this.conversations
						.sendUploaded(socket, caller, order(caller, orderId), content, clientId,
								AttachmentReferences.ids(files))
						.message()
					: this.conversations
						.send(socket, caller, order(caller, orderId), NewMessage.text(content, clientId))
						.message();
			return message(orderId, stored);
		});
		router.on(this, "order_typing", this::typing);
	}

	private ConversationId order(Caller caller, String orderId) {
		return this.conversations.ofOrder(caller, orderId);
	}

	private Object typing(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		ConversationId id = order(caller, payload.id("orderId"));
		this.conversations.setTyping(socket, caller, id, payload.optionalBoolean("isTyping").orElse(true));
		return null;
	}

	/** The marketplace's OrderChatMessage. */
	static Object message(String orderId, Message message) {
		return json("id", message.id(), "orderId", orderId, "senderId", message.senderId(), "senderName",
				message.senderName(), "senderRole", message.senderRole(), "content", message.content(), "type",
				message.type(), "attachments", attachments(message), "seq", message.seq(), "createdAt",
				message.createdAt());
	}

	/** Files in the marketplace's shape, {@code {fileUrl, fileName}} and the rest. */
	private static List<Object> attachments(Message message) {
		return AttachmentReferences.of(message)
			.stream()
			.map((file) -> (Object) json("id", file.get("id"), "fileUrl", file.get("file_url"), "fileName",
					file.get("file_name"), "fileSize", file.get("file_size"), "fileType", file.get("file_type"),
					"thumbnailUrl", file.get("thumbnail_url")))
			.toList();
	}

	@Override
	public void render(ChatEvent event, Emitter emitter) {
		if (event instanceof PresenceChanged presence) {
			emitter.emit("user_presence", json("userId", presence.userId(), "isOnline", presence.online()));
			return;
		}
		MarketplaceDisputes.render((InConversation) event, emitter);
		orderIdOf(((InConversation) event).subject()).ifPresent((orderId) -> {
			switch (event) {
				case MessageAdded added -> emitter.emit("order_message", message(orderId, added.message()));
				case TypingChanged typing -> emitter.emit("order_typing", json("userId", typing.userId(), "name",
						typing.name(), "orderId", orderId, "isTyping", typing.typing()));
				case OrderStatusChanged status -> emitter.emit("order_status_update",
						json("orderId", orderId, "status", status.to(), "previousStatus", status.from()));
				case Notification notification -> emitter.emit("notification",
						json("type", "order_message", "orderId", orderId, "content",
								notification.message().senderName() + ": " + notification.message().content(),
								"message", message(orderId, notification.message())));
				default -> {
					// The marketplace's clients know no other events.
				}
			}
		});
	}

}
