package io.orderchat.orders;

import java.time.Instant;

import io.orderchat.conversations.ConversationId;

/**
 * An order's status changed. {@code notes} are the actor's notes on the change, if any;
 * {@code order} is the order after the change. Published inside the transaction, together
 * with the system message in the order's conversation.
 */
public record OrderStatusChanged(OrderId orderId, ConversationId conversationId, OrderStatus from, OrderStatus to,
		String byUserId, String notes, Instant at, Order order) {
}
