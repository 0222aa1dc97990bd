package io.orderchat.conversations;

import java.time.Instant;

/**
 * The reader's read horizon after a mark-read, and what remains unread. {@code moved} is
 * false when the horizon already was at or past the asked seq (or the reader is a staff
 * observer, whose horizon is not kept).
 */
public record ReadReceipt(ConversationId conversationId, String userId, long readSeq, long unreadCount, boolean moved,
		Instant at) {
}
