package io.orderchat.realtime.protocol.dispatcher;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ReadReceipt;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.ChatEvent.InConversation;
import io.orderchat.realtime.events.ChatEvent.MemberPresence;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.Notification;
import io.orderchat.realtime.events.ChatEvent.OrderStatusChanged;
import io.orderchat.realtime.events.ChatEvent.ReadUpTo;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.protocol.OrderChats;
import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.MemberPayload;
import io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.MessagePayload;
import io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.NewMessagePayload;
import io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.NotificationPayload;
import io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.OrderUpdatedPayload;
import io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.ReadPayload;
import io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.TypingPayload;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.JOIN_ORDER_ROOM;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.LEAVE_ORDER_ROOM;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.MARK_READ;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.MESSAGE_READ;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.NEW_MESSAGE;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.NOTIFICATION;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.ORDER_UPDATED;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.TYPING_START;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.TYPING_STOP;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.USER_JOINED_ORDER;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.USER_LEFT_ORDER;
import static io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.USER_TYPING;

/**
 * The dispatcher's order chat (seed 002, DIALECTS.md §3; names in
 * {@link DispatcherEvents}): the client sends bare order ids and sends messages over
 * REST; the server pushes room events stamped with a {@code timestamp}. Events name
 * orders by the id the host's clients know ({@link OrderChats#clientOrderId}).
 */
final class DispatcherDialect extends SeedDialect {

	private final RealtimeConversations conversations;

	private final OrderChats chats;

	DispatcherDialect(RealtimeConversations conversations, OrderChats chats) {
		this.conversations = conversations;
		this.chats = chats;
	}

	@Override
	public String name() {
		return "seed002";
	}

	@Override
	public boolean notifiesJoinedSockets() {
		return true;
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, JOIN_ORDER_ROOM, (socket, caller, args) -> {
			String orderId = idArgument(args, "orderId");
			RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, order(caller, orderId));
			return json("orderId", orderId, "unreadCount", joined.view().unreadCount());
		});
		router.on(this, LEAVE_ORDER_ROOM, (socket, caller, args) -> {
			String orderId = idArgument(args, "orderId");
			this.conversations.leave(socket, caller, order(caller, orderId));
			return json("orderId", orderId);
		});
		router.on(this, TYPING_START, (socket, caller, args) -> typing(socket, caller, args, true));
		router.on(this, TYPING_STOP, (socket, caller, args) -> typing(socket, caller, args, false));
		router.on(this, MARK_READ, this::markRead);
	}

	private ConversationId order(Caller caller, String orderId) {
		return this.conversations.ofPartiesOrder(caller, orderId);
	}

	private Object typing(SocketIoSocket socket, Caller caller, JsonNode[] args, boolean typing) {
		ConversationId id = order(caller, idArgument(args, "orderId"));
		this.conversations.setTyping(socket, caller, id, typing);
		return null;
	}

	/**
	 * Persists the read horizon (so {@code unread-count} drops to 0) and answers the
	 * others with {@code message-read} every time; only on a socket that joined the
	 * order's room, as the app's rule has it.
	 */
	private Object markRead(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		String orderId = idArgument(args, "orderId");
		ConversationId id = order(caller, orderId);
		if (!this.conversations.joined(socket, id)) {
			throw DomainException.forbidden("Join the order's room before marking it read");
		}
		ReadReceipt receipt = this.conversations.readAndAnnounce(caller, id);
		return json("orderId", orderId, "readSeq", receipt.readSeq(), "unreadCount", receipt.unreadCount());
	}

	@Override
	public void render(ChatEvent event, Emitter emitter) {
		if (!(event instanceof InConversation about)) {
			return; // the app knows no presence event
		}
		orderIdOf(about.subject()).map(this.chats::clientOrderId).ifPresent((orderId) -> {
			switch (event) {
				case MessageAdded added -> emitter.emit(NEW_MESSAGE, new NewMessagePayload(orderId,
						MessagePayload.of(orderId, added.message(), false), added.message().createdAt()));
				case Notification notification when OrderChats.isChatMessage(notification.message()) ->
					emitter.emit(NOTIFICATION, notification(orderId, notification));
				case TypingChanged typing -> emitter.emit(USER_TYPING,
						new TypingPayload(typing.userId(), orderId, typing.typing(), typing.name()));
				case ReadUpTo read -> emitter.emit(MESSAGE_READ, new ReadPayload(read.userId(), orderId, read.at()));
				case MemberPresence member -> emitter.emit(member.joined() ? USER_JOINED_ORDER : USER_LEFT_ORDER,
						new MemberPayload(member.userId(), orderId, Instant.now(), member.name()));
				case OrderStatusChanged status ->
					emitter.emit(ORDER_UPDATED, new OrderUpdatedPayload(orderId, update(status), status.at()));
				default -> {
					// The dispatcher's clients know no other events.
				}
			}
		});
	}

	private static NotificationPayload notification(String orderId, Notification notification) {
		var message = notification.message();
		return new NotificationPayload(message.id().toString(), "new-message",
				"New message from " + message.senderName(), message.content(), Map.of("orderId", orderId),
				message.createdAt(), orderId);
	}

	/** What changed: the status as the host named it, and what else is known. */
	private static Map<String, Object> update(OrderStatusChanged status) {
		Map<String, Object> update = new LinkedHashMap<>();
		update.put("status", status.statusName());
		update.put("previousStatus", status.from().wire());
		update.put("orderChatStatus", status.to().wire());
		update.put("notes", status.notes());
		update.put("updatedBy", status.byUserId());
		update.put("updatedAt", status.at());
		return update;
	}

}
