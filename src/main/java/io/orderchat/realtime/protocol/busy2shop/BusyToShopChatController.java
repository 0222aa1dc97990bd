package io.orderchat.realtime.protocol.busy2shop;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.Inbox;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.protocol.OrderChats;
import io.orderchat.realtime.protocol.busy2shop.BusyToShopEvents.MessagePayload;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 001 (Busy2Shop): {@code /api/v0/chat/*} in the app's envelope {@code {status:
 * "success", message, data}} (errors: {@link BusyToShopErrors}). Read state is per user,
 * and only other users' chat messages count as unread.
 */
@RestController
class BusyToShopChatController {

	private final OrderChats chats;

	private final ConversationHistory history;

	private final Inbox inbox;

	BusyToShopChatController(OrderChats chats, ConversationHistory history, Inbox inbox) {
		this.chats = chats;
		this.history = history;
		this.inbox = inbox;
	}

	/**
	 * The latest messages of the order's chat, oldest first ({@code limit} up to 200,
	 * default 50), as they stood for the caller; then marks them read, as the app did.
	 */
	@GetMapping("/api/v0/chat/messages/{orderId}")
	Envelope<Messages> messages(Caller caller, @PathVariable String orderId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Long before) {
		ConversationId id = this.chats.conversationOf(caller, orderId);
		OrderChats.ReadState reads = this.chats.readState(caller, id);
		List<MessagePayload> messages = this.history.history(caller, id, before, null, OrderChats.pageSize(limit))
			.messages()
			.stream()
			.filter(OrderChats::isChatMessage)
			.map((message) -> MessagePayload.of(orderId, message, reads.isRead(message)))
			.toList();
		if (before == null) {
			this.inbox.markRead(caller, id, null);
		}
		return Envelope.success("Messages retrieved successfully", new Messages(messages));
	}

	/** Unread chat messages of the order, or of every order chat of the caller. */
	@GetMapping("/api/v0/chat/unread")
	Envelope<UnreadCount> unread(Caller caller, @RequestParam(required = false) String orderId) {
		long count = (orderId != null && !orderId.isBlank())
				? this.chats.unreadChatMessages(caller, this.chats.conversationOf(caller, orderId))
				: this.chats.unreadChatMessages(caller);
		return Envelope.success("Unread message count retrieved successfully", new UnreadCount(count));
	}

	@PostMapping("/api/v0/chat/read/{orderId}")
	Envelope<Void> read(Caller caller, @PathVariable String orderId) {
		this.inbox.markRead(caller, this.chats.conversationOf(caller, orderId), null);
		return Envelope.success("Messages marked as read", null);
	}

	/** Busy2Shop's answer: {@code {status: "success", message, data?}}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Envelope<T>(String status, String message, T data) {

		static <T> Envelope<T> success(String message, T data) {
			return new Envelope<>("success", message, data);
		}

	}

	record Messages(List<MessagePayload> messages) {
	}

	record UnreadCount(long count) {
	}

}
