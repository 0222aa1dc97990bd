package io.orderchat.orders;

import java.time.Instant;

import io.orderchat.conversations.ConversationId;

/**
 * An order got a new performer; the previous one (if any) has left its conversation. The
 * conversation's own {@code ParticipantLeft} / {@code ParticipantJoined} events tell the
 * same for realtime room membership.
 */
public record OrderPerformerChanged(OrderId orderId, ConversationId conversationId, String previousPerformerId,
		String performerId, String byUserId, Instant at) {
}
