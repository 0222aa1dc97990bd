package io.orderchat.moderation;

import java.time.Instant;

import io.orderchat.conversations.ConversationId;
import io.orderchat.orders.OrderId;

/** A moderator accepted a pending order and joined its conversation. */
public record OrderAccepted(OrderId orderId, ConversationId conversationId, String moderatorId, String moderatorName,
		Instant at) {
}
