package io.orderchat.orders;

import io.orderchat.conversations.ConversationId;

/**
 * An order was placed or registered, with its conversation. Published inside the
 * transaction.
 */
public record OrderCreated(Order order, ConversationId conversationId) {
}
