package io.orderchat.realtime.protocol.marketplace;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.MessageType;
import io.orderchat.identity.Caller;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.ChatEvent.InConversation;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.Notification;
import io.orderchat.realtime.events.ChatEvent.OrderStatusChanged;
import io.orderchat.realtime.events.ChatEvent.CounterpartPresence;
import io.orderchat.realtime.events.ChatEvent.ReadUpTo;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.JoinedOrderChat;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.MessagesRead;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.OrderMessage;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.OrderStatusUpdate;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.OrderTyping;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.UserPresence;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.JOINED_ORDER_CHAT;
import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.JOIN_ORDER_CHAT;
import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.LEAVE_ORDER_CHAT;
import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.MARK_MESSAGES_READ;
import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.ORDER_TYPING_SET;
import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.SEND_ORDER_MESSAGE;

/**
 * The services marketplace's order chat (seed 004, DIALECTS.md §5): the order's customer
 * and performer, its assigned moderator and admins join with {@code join_order_chat}
 * (confirmed by {@code joined_order_chat}), send {@code order_message} (text, files
 * uploaded to OrderChat, external links), type and mark read; the server pushes messages,
 * typing, reads, the order's status, notifications and presence. Dispute chats are
 * {@link MarketplaceDisputes}.
 */
final class MarketplaceDialect extends SeedDialect {

	private final RealtimeConversations conversations;

	private final OrderManagement orders;

	private final MarketplaceChats chats;

	private final Clock clock;

	private final LinkHosts linkHosts;

	MarketplaceDialect(RealtimeConversations conversations, OrderManagement orders, MarketplaceChats chats,
			LinkHosts linkHosts, Clock clock) {
		this.conversations = conversations;
		this.linkHosts = linkHosts;
		this.orders = orders;
		this.chats = chats;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "seed004";
	}

	@Override
	public boolean notifiesJoinedSockets() {
		return true;
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, JOIN_ORDER_CHAT, BackPressure.bulky(this::join));
		router.on(this, LEAVE_ORDER_CHAT, (socket, caller, args) -> {
			String orderId = Payload.of(args).id("orderId");
			this.conversations.leave(socket, caller, order(caller, orderId).conversationId());
			return json("orderId", orderId);
		});
		// pipelined: order_message and the receiver's notification go out after the
		// commit either way, and the sender's next message need not wait for it
		router.onPipelined(this, SEND_ORDER_MESSAGE, this::send);
		router.on(this, ORDER_TYPING_SET, (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			ConversationId id = order(caller, payload.id("orderId")).conversationId();
			this.conversations.setTyping(socket, caller, id, payload.optionalBoolean("isTyping").orElse(true));
			return null;
		});
		router.on(this, MARK_MESSAGES_READ, (socket, caller, args) -> {
			String orderId = Payload.of(args).id("orderId");
			ConversationId id = order(caller, orderId).conversationId();
			if (!this.conversations.joined(socket, id)) {
				throw DomainException.forbidden("Join the order chat before marking its messages read");
			}
			return this.conversations.read(caller, id, null);
		});
	}

	private Object join(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		String orderId = Payload.of(args).id("orderId");
		Order order = order(caller, orderId);
		RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, order.conversationId());
		String chatOrderId = order.id().toString();
		Optional<MarketplaceChats.Parties> parties = this.chats.partiesOf(chatOrderId);
		JoinedOrderChat confirmation = new JoinedOrderChat(orderId, order.statusName(),
				joined.view().messages().stream().map((m) -> message(chatOrderId, parties, m)).toList());
		socket.emit(JOINED_ORDER_CHAT.wireName(), confirmation);
		return confirmation;
	}

	/**
	 * A text message (with links, if any) is answered once committed; one with uploaded
	 * files is stored with them in one transaction, after the socket's earlier messages.
	 */
	private CompletableFuture<OrderMessage> send(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		String orderId = payload.id("orderId");
		String content = payload.optionalText("content").filter((text) -> !text.isBlank()).orElse(null);
		if (content == null) {
			throw Payload.invalid("'content' is required");
		}
		OrderMessageFiles files = OrderMessageFiles.of(payload.node("attachments"), this.linkHosts);
		String clientId = payload.optionalId("clientId").orElse(null);
		Order order = order(caller, orderId);
		// looked up here: the answer is made on the commit's thread, which must not
		// wait for the database
		String chatOrderId = order.id().toString();
		Optional<MarketplaceChats.Parties> parties = this.chats.partiesOf(chatOrderId);
		if (!files.uploaded().isEmpty()) {
			CommandRouter.awaitEarlierSends(socket);
			Message stored = this.conversations
				.sendUploaded(socket, caller, order.conversationId(), content, clientId, files.uploaded())
				.message();
			return CompletableFuture.completedFuture(message(chatOrderId, parties, stored));
		}
		return this.conversations
			.sendLater(socket, caller, order.conversationId(),
					new NewMessage(MessageType.TEXT, content, clientId, files.metadata()))
			.thenApply((result) -> message(chatOrderId, parties, result.message()));
	}

	/** The order, if the caller may use its chat in this app; its parties are noted. */
	private Order order(Caller caller, String orderId) {
		return this.chats.learn(this.orders.get(caller, orderId));
	}

	/**
	 * The message as the app shows it: of the order OrderChat knows as {@code orderId},
	 * named by the id the app knows it by.
	 */
	private OrderMessage message(String orderId, Message message) {
		return message(orderId, this.chats.partiesOf(orderId), message);
	}

	private static OrderMessage message(String orderId, Optional<MarketplaceChats.Parties> parties, Message message) {
		String receiverId = parties.map((known) -> known.receiverOf(message.senderId())).orElse(null);
		String clientOrderId = parties.map(MarketplaceChats.Parties::clientOrderId).orElse(orderId);
		return new OrderMessage(clientOrderId, message.id().toString(), message.senderId(), receiverId,
				message.content(), OrderMessageFiles.of(message), message.createdAt(), message.id().toString(),
				message.senderName(), message.senderRole(), message.type(), message.seq());
	}

	@Override
	public void render(ChatEvent event, Emitter emitter) {
		if (event instanceof CounterpartPresence presence) {
			emitter.emit(MarketplaceEvents.USER_PRESENCE, new UserPresence(presence.userId(), presence.online(),
					presence.online() ? null : this.clock.instant()));
			return;
		}
		if (!(event instanceof InConversation)) {
			// PresenceChanged: the conversations' rooms only; the counterparts hear it
			// above
			return;
		}
		InConversation about = (InConversation) event;
		if (about.subject().kind() == ConversationKind.DISPUTE) {
			MarketplaceDisputes.render(about, this.chats, emitter);
			return;
		}
		if (about.subject().kind() != ConversationKind.ORDER) {
			return;
		}
		String orderId = about.subject().subjectId();
		String clientOrderId = this.chats.clientOrderId(orderId);
		switch (event) {
			case MessageAdded added -> emitter.emit(MarketplaceEvents.ORDER_MESSAGE, message(orderId, added.message()));
			case TypingChanged typing -> emitter.emit(MarketplaceEvents.ORDER_TYPING,
					new OrderTyping(clientOrderId, typing.userId(), typing.typing(), typing.name()));
			case ReadUpTo read -> emitter.emit(MarketplaceEvents.MESSAGES_READ,
					new MessagesRead(clientOrderId, read.userId(), read.at()));
			case OrderStatusChanged status -> emitter.emit(MarketplaceEvents.ORDER_STATUS_UPDATE,
					new OrderStatusUpdate(clientOrderId, status.statusName(), status.byUserId(), status.at(),
							(status.from() != null) ? status.from().wire() : null));
			case Notification notification -> emitter.emit(MarketplaceEvents.NOTIFICATION,
					notification(clientOrderId, message(orderId, notification.message())));
			default -> {
				// The marketplace's clients know no other events.
			}
		}
	}

	private static MarketplaceEvents.Notification notification(String orderId, OrderMessage message) {
		return new MarketplaceEvents.Notification(message.messageId(), message.receiverId(), "order_message",
				message.senderName() + ": " + message.content(), orderId, message.createdAt(), message);
	}

}
