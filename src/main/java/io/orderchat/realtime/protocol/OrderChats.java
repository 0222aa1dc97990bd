package io.orderchat.realtime.protocol;

import java.util.List;

import io.orderchat.conversations.ConversationAccess;
import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Membership;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.Participant;
import io.orderchat.identity.Caller;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.PartiesOnly;

import org.springframework.stereotype.Component;

/**
 * What the seed dialects share: finding an order's conversation and read state per
 * message.
 */
@Component
public class OrderChats {

	private final OrderManagement orders;

	private final ConversationAccess conversationAccess;

	private final Membership membership;

	public OrderChats(OrderManagement orders, ConversationAccess conversationAccess, Membership membership) {
		this.orders = orders;
		this.conversationAccess = conversationAccess;
		this.membership = membership;
	}

	/**
	 * The order's conversation after checking that the caller may access it, and is one
	 * of those the seeds' apps admit: the order's customer, performer, or an admin.
	 */
	public ConversationId conversationOf(Caller caller, String orderIdOrExternalId) {
		Order order = this.orders.resolve(orderIdOrExternalId);
		this.conversationAccess.requireAccess(caller, order.conversationId());
		PartiesOnly.require(caller, order);
		return order.conversationId();
	}

	public Order order(String orderIdOrExternalId) {
		return this.orders.resolve(orderIdOrExternalId);
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
