package io.orderchat.conversations;

import java.time.Instant;

/**
 * A conversation. {@code subjectId} is what it is about (the order id for an order
 * conversation); {@code lastSeq} is the sequence number of its newest message, 0 while it
 * has none.
 */
public record Conversation(ConversationId id, ConversationKind kind, String subjectId, String title, long lastSeq,
		Instant createdAt, Instant updatedAt) {
}
