package io.orderchat.conversations;

import java.time.Instant;

/**
 * A participant's read horizon moved forward to {@code seq} (on any of their devices).
 */
public record ReadHorizonMoved(ConversationRef conversation, String userId, long seq, Instant at) {

	public ConversationId conversationId() {
		return this.conversation.id();
	}

}
