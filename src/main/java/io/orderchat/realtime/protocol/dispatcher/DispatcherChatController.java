package io.orderchat.realtime.protocol.dispatcher;

import io.orderchat.realtime.protocol.OrderChats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.conversations.ConversationSummary;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageDeleted;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.ReadReceipt;
import io.orderchat.conversations.SendResult;
import io.orderchat.identity.Caller;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.web.ApiResponse;

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

/** Seed 002 (dispatcher): {@code /api/chat/*}. */
@RestController
class DispatcherChatController {

	private final OrderChats chats;

	private final ConversationManagement conversations;

	private final ConversationHistory history;

	private final Inbox inbox;

	private final Messaging messaging;

	private final OrderManagement orders;

	DispatcherChatController(OrderChats chats, ConversationManagement conversations, ConversationHistory history,
			Inbox inbox, Messaging messaging, OrderManagement orders) {
		this.chats = chats;
		this.conversations = conversations;
		this.history = history;
		this.inbox = inbox;
		this.messaging = messaging;
		this.orders = orders;
	}

	@PostMapping("/api/chat/messages")
	ResponseEntity<ApiResponse<DispatcherMessage>> send(Caller caller, @RequestBody SendRequest request) {
		if (request.orderId() == null || request.orderId().isBlank()) {
			throw DomainException.invalid("Field 'orderId' is required");
		}
		if ("system".equalsIgnoreCase(request.senderType())) {
			throw DomainException.forbidden("System messages come only from the server");
		}
		MessageType type = (request.messageType() != null)
				? MessageType.parse(request.messageType())
					.orElseThrow(() -> DomainException.invalid("Unknown messageType '" + request.messageType() + "'"))
				: MessageType.TEXT;
		ConversationId id = this.chats.conversationOf(caller, request.orderId());
		SendResult result = this.messaging.send(caller, id,
				new NewMessage(type, request.message(), request.clientId(), null));
		return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(DispatcherMessage.of(request.orderId(), result.message(), false)));
	}

	/**
	 * Page 1 is the newest {@code limit} messages, page 2 the ones before, and so on;
	 * each page oldest first. Sequence numbers are gap-free, so a page is a range of
	 * them.
	 */
	@GetMapping("/api/chat/orders/{orderId}/messages")
	ApiResponse<MessagePage> messages(Caller caller, @PathVariable String orderId,
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
		long pages = (lastSeq + size - 1) / size;
		return ApiResponse.ok(new MessagePage(messages.stream()
			.filter((message) -> !message.deleted())
			.map((message) -> DispatcherMessage.of(orderId, message, reads.isRead(message)))
			.toList(), new Pagination(page, size, lastSeq, pages, page < pages)));
	}

	/**
	 * A page of the caller's conversations ({@code limit} ≤ 200), most recently active
	 * first, of which the order chats are listed.
	 */
	@GetMapping("/api/chat/orders")
	ApiResponse<List<OrderChat>> chats(Caller caller, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "50") int limit) {
		if (page < 1) {
			throw DomainException.invalid("page must be 1 or more");
		}
		int size = OrderChats.pageSize(limit);
		return ApiResponse.ok(this.inbox.mine(caller, (long) (page - 1) * size, size)
			.stream()
			.filter((summary) -> summary.conversation().kind() == ConversationKind.ORDER)
			.map(this::orderChat)
			.toList());
	}

	@PatchMapping("/api/chat/orders/{orderId}/read")
	ApiResponse<Read> read(Caller caller, @PathVariable String orderId) {
		ReadReceipt receipt = this.inbox.markRead(caller, this.chats.conversationOf(caller, orderId), null);
		return ApiResponse.ok(new Read(orderId, receipt.readSeq(), receipt.unreadCount(), receipt.at()));
	}

	@GetMapping("/api/chat/orders/{orderId}/unread-count")
	ApiResponse<UnreadCount> unreadCount(Caller caller, @PathVariable String orderId) {
		ConversationId id = this.chats.conversationOf(caller, orderId);
		return ApiResponse.ok(new UnreadCount(orderId, this.inbox.unreadCount(caller, id)));
	}

	@DeleteMapping("/api/chat/messages/{messageId}")
	ApiResponse<Deleted> delete(Caller caller, @PathVariable String messageId) {
		MessageDeleted deleted = this.messaging.delete(caller, Inputs.uuid(messageId, "message"));
		String orderId = this.conversations.find(deleted.conversationId())
			.map((conversation) -> conversation.subjectId())
			.orElse(null);
		return ApiResponse.ok(new Deleted(messageId, orderId, deleted.at()));
	}

	private OrderChat orderChat(ConversationSummary summary) {
		String orderId = summary.conversation().subjectId();
		Optional<Order> order = this.orders.find(orderId);
		Message last = summary.lastMessage();
		return new OrderChat(orderId, order.map(Order::externalId).orElse(null),
				order.map((o) -> o.status().wire()).orElse(null), summary.conversation().id(), summary.unreadCount(),
				(last != null) ? DispatcherMessage.of(orderId, last, last.seq() <= summary.readSeq()) : null,
				summary.conversation().updatedAt());
	}

	record SendRequest(String orderId, String message, String messageType, String senderType, String clientId) {
	}

	record MessagePage(List<DispatcherMessage> messages, Pagination pagination) {
	}

	record OrderChat(String orderId, String externalId, String status, ConversationId chatId, long unreadCount,
			DispatcherMessage lastMessage, Instant updatedAt) {
	}

	record Read(String orderId, long readSeq, long unreadCount, Instant timestamp) {
	}

	record UnreadCount(String orderId, long unreadCount) {
	}

	record Deleted(String messageId, String orderId, Instant timestamp) {
	}

	record Pagination(int page, int limit, long total, long pages, boolean hasMore) {
	}

}
