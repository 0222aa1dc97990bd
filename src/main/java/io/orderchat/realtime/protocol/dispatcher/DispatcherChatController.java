package io.orderchat.realtime.protocol.dispatcher;

import java.util.List;
import java.util.Optional;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.SendResult;
import io.orderchat.identity.Caller;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.realtime.protocol.OrderChats;
import io.orderchat.realtime.protocol.dispatcher.DispatcherEvents.MessagePayload;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 002 (dispatcher): {@code /api/chat/*} in the app's envelopes
 * ({@link DispatcherEnvelope}; errors: {@link DispatcherErrors}). Only other users' chat
 * messages count as unread; system messages show in the history.
 */
@RestController
class DispatcherChatController {

	private final OrderChats chats;

	private final ConversationHistory history;

	private final Inbox inbox;

	private final Messaging messaging;

	private final ConversationManagement conversations;

	private final OrderManagement orders;

	DispatcherChatController(OrderChats chats, ConversationHistory history, Inbox inbox, Messaging messaging,
			ConversationManagement conversations, OrderManagement orders) {
		this.chats = chats;
		this.history = history;
		this.inbox = inbox;
		this.messaging = messaging;
		this.conversations = conversations;
		this.orders = orders;
	}

	/**
	 * Sends a text message; the client's {@code messageType} and {@code senderType} are
	 * ignored (the server decides both). A resend with the same {@code clientId} answers
	 * the stored message with 200.
	 */
	@PostMapping("/api/chat/messages")
	ResponseEntity<DispatcherEnvelope<MessagePayload>> send(Caller caller, @RequestBody SendRequest request) {
		if (request.orderId() == null || request.orderId().isBlank()) {
			throw DomainException.invalid("Field 'orderId' is required");
		}
		if (request.message() == null || request.message().isBlank()) {
			throw DomainException.invalid("Field 'message' is required");
		}
		ConversationId id = this.chats.conversationOf(caller, request.orderId());
		SendResult result = this.messaging.send(caller, id, NewMessage.text(request.message(), request.clientId()));
		HttpStatus status = result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED;
		return ResponseEntity.status(status)
			.body(DispatcherEnvelope.success(status.value(), "Message sent successfully",
					MessagePayload.of(request.orderId(), result.message(), false)));
	}

	/**
	 * Page 1 is the newest {@code limit} messages, page 2 the ones before, and so on;
	 * each page oldest first. Sequence numbers are gap-free, so a page is a range of
	 * them. Does not change read state.
	 */
	@GetMapping("/api/chat/orders/{orderId}/messages")
	DispatcherEnvelope<List<MessagePayload>> messages(Caller caller, @PathVariable String orderId,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int limit) {
		if (page < 1) {
			throw DomainException.invalid("page must be 1 or more");
		}
		int size = OrderChats.pageSize(limit);
		ConversationId id = this.chats.conversationOf(caller, orderId);
		long lastSeq = this.conversations.find(id).orElseThrow().lastSeq();
		long before = lastSeq + 1 - (long) (page - 1) * size;
		List<Message> messages = (before <= 1) ? List.of()
				: this.history.history(caller, id, before, null, size).messages();
		OrderChats.ReadState reads = this.chats.readState(caller, id);
		return DispatcherEnvelope.page("Messages retrieved successfully",
				messages.stream()
					.filter((message) -> !message.deleted())
					.map((message) -> MessagePayload.of(orderId, message, reads.isRead(message)))
					.toList(),
				new DispatcherEnvelope.Meta(lastSeq, (lastSeq + size - 1) / size, page, size));
	}

	/**
	 * The order chats of the orders the caller is customer or performer of, newest order
	 * first ({@code limit} 1..200, default 10).
	 */
	@GetMapping("/api/chat/orders")
	DispatcherEnvelope<OrderChatPage> chats(Caller caller, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "10") int limit) {
		if (page < 1) {
			throw DomainException.invalid("page must be 1 or more");
		}
		int size = OrderChats.pageSize(limit);
		List<Order> mine = this.orders.mine(caller, null)
			.stream()
			.filter((order) -> order.isCustomer(caller.userId()) || order.isPerformer(caller.userId()))
			.toList();
		List<OrderChat> chats = mine.stream()
			.skip((long) (page - 1) * size)
			.limit(size)
			.map((order) -> orderChat(caller, order))
			.toList();
		return DispatcherEnvelope.success(200, "Order chats retrieved successfully",
				new OrderChatPage(chats, mine.size(), page, size, (long) page * size < mine.size()));
	}

	@PatchMapping("/api/chat/orders/{orderId}/read")
	DispatcherEnvelope<Void> read(Caller caller, @PathVariable String orderId) {
		this.inbox.markRead(caller, this.chats.conversationOf(caller, orderId), null);
		return DispatcherEnvelope.success(200, "Messages marked as read", null);
	}

	@GetMapping("/api/chat/orders/{orderId}/unread-count")
	DispatcherEnvelope<UnreadCount> unreadCount(Caller caller, @PathVariable String orderId) {
		ConversationId id = this.chats.conversationOf(caller, orderId);
		return DispatcherEnvelope.success(200, "Unread count retrieved successfully",
				new UnreadCount(this.chats.unreadChatMessages(caller, id)));
	}

	/** Its author or an admin deletes a message; anyone else 403, an unknown one 404. */
	@DeleteMapping("/api/chat/messages/{messageId}")
	DispatcherEnvelope<Void> delete(Caller caller, @PathVariable String messageId) {
		this.messaging.delete(caller, Inputs.uuid(messageId, "message"));
		return DispatcherEnvelope.success(200, "Message deleted successfully", null);
	}

	private OrderChat orderChat(Caller caller, Order order) {
		ConversationId id = order.conversationId();
		String orderId = this.chats.clientOrderId(order.id().toString());
		OrderChats.ReadState reads = this.chats.readState(caller, id);
		Optional<Message> last = this.history.history(caller, id, null, null, 20)
			.messages()
			.reversed()
			.stream()
			.filter((message) -> !message.deleted())
			.findFirst();
		return new OrderChat(DispatcherOrder.of(orderId, order), new Chat(id.toString(), orderId),
				this.chats.unreadChatMessages(caller, id),
				last.map((message) -> MessagePayload.of(orderId, message, reads.isRead(message))).orElse(null));
	}

	record SendRequest(String orderId, String message, String messageType, String senderType, String clientId) {
	}

	record OrderChatPage(List<OrderChat> orderChats, long total, int page, int limit, boolean hasMore) {
	}

	record OrderChat(DispatcherOrder order, Chat chat, long unreadCount, MessagePayload lastMessage) {
	}

	/** The order's chat: OrderChat's conversation. */
	record Chat(String id, String orderId) {
	}

	record UnreadCount(long count) {
	}

}
