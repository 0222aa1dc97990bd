package io.orderchat.conversations;

import java.time.Instant;

/**
 * A participant's read horizon moved forward to {@code seq} (on any of their devices).
 */
public record ReadHorizonMoved(ConversationId conversationId, String userId, long seq, Instant at) {
}
