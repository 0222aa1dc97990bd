package io.orderchat.moderation;

import io.orderchat.conversations.ConversationId;

/** What a history clean removed, and who cleaned. */
public record CleanReport(ConversationId conversationId, String orderId, int messagesRemoved, int imagesDeleted,
		Actor moderator) {

	/** Who acted. */
	public record Actor(String id, String name) {
	}

}
