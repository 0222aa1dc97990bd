package io.orderchat.realtime.protocol;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.ConversationAccess;
import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Membership;
import io.orderchat.conversations.HistoryPage;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.Participant;
import io.orderchat.identity.Caller;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.PartiesOnly;

import org.springframework.stereotype.Component;

/**
 * What the seed dialects share: finding an order's conversation, the id their clients
 * know an order by, read state per message and unread counts of the chat's messages.
 */
@Component
public class OrderChats {

	private final OrderManagement orders;

	private final ConversationAccess access;

	private final ConversationHistory history;

	private final Inbox inbox;

	private final Membership membership;

	/**
	 * OrderChat's order id → the id the host registered it under (or the id itself).
	 * Neither ever changes, and every rendered event needs it.
	 */
	private final Cache<String, String> clientIds = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	public OrderChats(OrderManagement orders, ConversationAccess access, ConversationHistory history, Inbox inbox,
			Membership membership) {
		this.orders = orders;
		this.access = access;
		this.history = history;
		this.inbox = inbox;
		this.membership = membership;
	}

	/**
	 * The order's conversation after checking that the caller may access it, and is one
	 * of those the seeds' apps admit: the order's customer, performer, or an admin.
	 */
	public ConversationId conversationOf(Caller caller, String orderIdOrExternalId) {
		Order order = this.orders.resolve(orderIdOrExternalId);
		this.access.requireAccess(caller, order.conversationId());
		PartiesOnly.require(caller, order);
		return order.conversationId();
	}

	public Order order(String orderIdOrExternalId) {
		return this.orders.resolve(orderIdOrExternalId);
	}

	/**
	 * The id the seeds' clients know an order by: the host app's own id when it
	 * registered the order under one (DIALECTS.md §0.7), else OrderChat's. Events carry
	 * it, so that a client filtering them by the order id it used finds them.
	 */
	public String clientOrderId(String orderId) {
		return this.clientIds.get(orderId,
				(id) -> this.orders.find(id)
					.map((order) -> (order.externalId() != null) ? order.externalId() : id)
					.orElse(id));
	}

	/**
	 * A message the seeds' order chats show: one a user wrote and nobody deleted. Their
	 * apps have no system messages (seed 002's original keeps its own apart).
	 */
	public static boolean isChatMessage(Message message) {
		return !message.deleted() && message.senderId() != null && message.type() != MessageType.SYSTEM;
	}

	/**
	 * The caller's unread chat messages in the conversation: other users' messages after
	 * the caller's read horizon — neither system messages nor the caller's own count
	 * (DIALECTS.md §2.3, §3.2).
	 */
	public long unreadChatMessages(Caller caller, ConversationId id) {
		long readSeq = readState(caller, id).participants()
			.stream()
			.filter((p) -> p.userId().equals(caller.userId()))
			.mapToLong(Participant::readSeq)
			.findFirst()
			.orElse(Long.MAX_VALUE);
		long unread = 0;
		long after = readSeq;
		while (after != Long.MAX_VALUE) {
			HistoryPage page = this.history.history(caller, id, null, after, ConversationHistory.MAX_PAGE);
			for (Message message : page.messages()) {
				if (isChatMessage(message) && !message.sentBy(caller.userId())) {
					unread++;
				}
				after = message.seq();
			}
			if (!page.hasMore() || page.messages().isEmpty()) {
				break;
			}
		}
		return unread;
	}

	/**
	 * {@link #unreadChatMessages} over every order chat the caller is customer or
	 * performer of (and, for an admin, takes part in).
	 */
	public long unreadChatMessages(Caller caller) {
		return this.inbox.unread(caller)
			.conversations()
			.stream()
			.filter((count) -> count.kind() == ConversationKind.ORDER && count.unreadCount() > 0)
			.mapToLong((count) -> unreadChatMessages(caller, count.conversationId()))
			.sum();
	}

	/** Who has read what, to answer the seeds' per-message {@code isRead}. */
	public ReadState readState(Caller caller, ConversationId id) {
		return new ReadState(caller.userId(), this.membership.participants(id));
	}

	/** The read horizons of a conversation's participants, seen from one reader. */
	public record ReadState(String readerId, List<Participant> participants) {

		/**
		 * Someone else's message: whether the reader has read it. The reader's own
		 * message: whether any other participant has.
		 */
		public boolean isRead(Message message) {
			if (message.sentBy(this.readerId)) {
				return this.participants.stream()
					.anyMatch((p) -> !p.userId().equals(this.readerId) && p.readSeq() >= message.seq());
			}
			return this.participants.stream()
				.filter((p) -> p.userId().equals(this.readerId))
				.findFirst()
				.map((p) -> p.readSeq() >= message.seq())
				.orElse(true);
		}

	}

	/** A REST page size: 50 when not asked for, at most a history page. */
	public static int pageSize(Integer limit) {
		return (limit == null) ? 50 : Math.max(1, Math.min(limit, ConversationHistory.MAX_PAGE));
	}

}
