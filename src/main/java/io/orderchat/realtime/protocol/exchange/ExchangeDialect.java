package io.orderchat.realtime.protocol.exchange;

import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.AttachmentReferences;

import io.orderchat.realtime.events.Subject;
import io.orderchat.realtime.events.ChatEvent;

import java.util.Base64;
import java.util.List;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.NewMessage;
import io.orderchat.identity.Caller;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.OrderStatus;
import io.orderchat.realtime.events.ChatEvent.InConversation;
import io.orderchat.realtime.events.ChatEvent.MemberPresence;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.OrderStatusChanged;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * The currency-exchange app (seed 000): rooms are the orders' chat rooms ({@code roomId}
 * = the {@code chatRoomId} that order creation returns). Commands {@code chat:join},
 * {@code chat:message}, {@code chat:image}, {@code chat:typing},
 * {@code order:updateStatus}; events {@code chat:userJoined}, {@code chat:message},
 * {@code user:typing}, {@code order:statusUpdated} and {@code error}.
 */
final class ExchangeDialect extends SeedDialect {

	private final RealtimeConversations conversations;

	private final OrderManagement orders;

	ExchangeDialect(RealtimeConversations conversations, OrderManagement orders) {
		this.conversations = conversations;
		this.orders = orders;
	}

	@Override
	public String name() {
		return "seed000";
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, "chat:join", BackPressure.bulky((socket, caller, args) -> {
			ConversationId id = room(caller, Payload.of(args));
			RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, id);
			return json("roomId", id, "messages",
					joined.view()
						.messages()
						.stream()
						.map((m) -> message(joined.view().conversation().subjectId(), m))
						.toList());
		}));
		router.on(this, "chat:message", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			ConversationId id = room(caller, payload);
			String content = payload.optionalText("message").or(() -> payload.optionalText("content")).orElse(null);
			Message stored = this.conversations
				.send(socket, caller, id, NewMessage.text(content, payload.optionalId("clientId").orElse(null)))
				.message();
			return message(null, stored);
		});
		router.on(this, "chat:image", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			ConversationId id = room(caller, payload);
			Message stored = this.conversations
				.sendImage(socket, caller, id, imageBytes(payload.node("file")),
						payload.optionalText("fileName").or(() -> payload.optionalText("name")).orElse(null),
						payload.optionalId("clientId").orElse(null))
				.message();
			return message(null, stored);
		});
		router.on(this, "chat:typing", this::typing);
		router.on(this, "order:updateStatus", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			ConversationId id = room(caller, payload);
			String status = payload.text("status");
			OrderStatus to = OrderStatus.parse(status)
				.orElseThrow(() -> Payload.invalid("Unknown order status '" + status + "'"));
			Order order = this.orders.changeStatus(caller, orderOf(id), to, payload.optionalText("notes").orElse(null));
			return json("orderId", order.id(), "status", order.status());
		});
	}

	/**
	 * The room a payload names by {@code roomId}, or by {@code orderId} when it has none.
	 */
	private ConversationId room(Caller caller, Payload payload) {
		return payload.optionalId("roomId")
			.map(ConversationId::parse)
			.orElseGet(() -> this.conversations.ofOrder(caller, payload.id("orderId")));
	}

	/**
	 * The image of a {@code chat:image}: binary (a browser File or Blob, an ArrayBuffer,
	 * a Node Buffer — the Socket.IO parser hands these over as binary nodes) or a
	 * {@code data:} URL. What the bytes are is for the attachments module to decide.
	 */
	static byte[] imageBytes(JsonNode file) {
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

	private String orderOf(ConversationId id) {
		return this.conversations.subjectOf(id)
			.filter((subject) -> subject.kind() == ConversationKind.ORDER)
			.map(Subject::subjectId)
			.orElseThrow(() -> DomainException.notFound("Room '" + id + "' is not an order's chat"));
	}

	private Object typing(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		ConversationId id = room(caller, payload);
		this.conversations.setTyping(socket, caller, id, payload.optionalBoolean("isTyping").orElse(true));
		return null;
	}

	static Object message(String orderId, Message message) {
		return json("_id", message.id(), "id", message.id(), "roomId", message.conversationId(), "orderId", orderId,
				"sender",
				(message.senderId() != null) ? json("_id", message.senderId(), "id", message.senderId(), "name",
						message.senderName(), "role", message.senderRole()) : null,
				"message", message.content(), "content", message.content(), "type", message.type(), "seq",
				message.seq(), "createdAt", message.createdAt(), "attachments", attachments(message), "imageUrl",
				imageUrl(message));
	}

	private static List<?> attachments(Message message) {
		return AttachmentReferences.of(message);
	}

	/** The first file's address, for an image message (what the exchange app shows). */
	private static Object imageUrl(Message message) {
		if (message.type() != MessageType.IMAGE) {
			return null;
		}
		return AttachmentReferences.of(message).stream().map((file) -> file.get("file_url")).findFirst().orElse(null);
	}

	@Override
	public void render(ChatEvent event, Emitter emitter) {
		if (!(event instanceof InConversation about)) {
			return;
		}
		String roomId = about.subject().conversationId();
		String orderId = orderIdOf(about.subject()).orElse(null);
		switch (event) {
			case MessageAdded added -> emitter.emit("chat:message", message(orderId, added.message()));
			case TypingChanged typing -> emitter.emit("user:typing", json("userId", typing.userId(), "name",
					typing.name(), "roomId", roomId, "isTyping", typing.typing()));
			case MemberPresence member when member.joined() -> emitter.emit("chat:userJoined",
					json("userId", member.userId(), "name", member.name(), "role", member.role(), "roomId", roomId));
			case OrderStatusChanged status -> {
				Object update = json("orderId", status.orderId(), "roomId", roomId, "status", status.to(),
						"previousStatus", status.from(), "notes", status.notes(), "updatedBy", status.byUserId());
				emitter.emit("order:statusUpdated", update);
				// What the app's Pusher channel order-{id} carried, for clients ported to
				// the socket.
				emitter.emit("status-updated", update);
			}
			default -> {
				// The exchange app's clients know no other events.
			}
		}
	}

}
