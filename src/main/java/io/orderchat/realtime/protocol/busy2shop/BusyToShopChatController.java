package io.orderchat.realtime.protocol.busy2shop;

import io.orderchat.realtime.protocol.OrderChats;

import java.time.Instant;
import java.util.List;

import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.ReadReceipt;
import io.orderchat.identity.Caller;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Seed 001 (Busy2Shop): {@code /api/v0/chat/*}. */
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
	 * default 50).
	 */
	@GetMapping("/api/v0/chat/messages/{orderId}")
	ApiResponse<List<BusyToShopMessage>> messages(Caller caller, @PathVariable String orderId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Long before) {
		ConversationId id = this.chats.conversationOf(caller, orderId);
		OrderChats.ReadState reads = this.chats.readState(caller, id);
		List<Message> page = this.history.history(caller, id, before, null, OrderChats.pageSize(limit)).messages();
		return ApiResponse.ok(page.stream()
			.filter((message) -> !message.deleted())
			.map((message) -> BusyToShopMessage.of(orderId, message, reads.isRead(message)))
			.toList());
	}

	@GetMapping("/api/v0/chat/unread")
	ApiResponse<UnreadCount> unread(Caller caller, @RequestParam(required = false) String orderId) {
		if (orderId != null && !orderId.isBlank()) {
			ConversationId id = this.chats.conversationOf(caller, orderId);
			return ApiResponse.ok(new UnreadCount(orderId, this.inbox.unreadCount(caller, id)));
		}
		return ApiResponse.ok(new UnreadCount(null, this.inbox.unread(caller).total()));
	}

	@PostMapping("/api/v0/chat/read/{orderId}")
	ApiResponse<Read> read(Caller caller, @PathVariable String orderId) {
		ReadReceipt receipt = this.inbox.markRead(caller, this.chats.conversationOf(caller, orderId), null);
		return ApiResponse.ok(new Read(orderId, receipt.readSeq(), receipt.unreadCount()));
	}

	record Read(String orderId, long readSeq, long unreadCount) {
	}

	record UnreadCount(String orderId, long unreadCount) {
	}

}
