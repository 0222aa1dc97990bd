package io.orderchat.conversations;

import java.time.Instant;

/**
 * A participant's read horizon moved forward to {@code seq} (on any of their devices),
 * leaving {@code unreadCount} of the conversation unread for them.
 */
public record ReadHorizonMoved(ConversationRef conversation, String userId, long seq, long unreadCount, Instant at) {

	public ConversationId conversationId() {
		return this.conversation.id();
	}

}
