package io.orderchat.orders;

import java.time.Instant;

import io.orderchat.conversations.ConversationId;

/**
 * An order's status changed. {@code notes} are the actor's notes on the change, if any;
 * {@code order} is the order after the change; {@code statusName} is the new status as
 * the host app named it (OrderChat's own name unless it used an alias, DIALECTS.md §0.7).
 * Published inside the transaction, together with the system message in the order's
 * conversation.
 */
public record OrderStatusChanged(OrderId orderId, ConversationId conversationId, OrderStatus from, OrderStatus to,
		String byUserId, String notes, Instant at, Order order, String statusName) {

	public OrderStatusChanged {
		statusName = (statusName != null) ? statusName : to.wire();
	}

}
