package io.orderchat.conversations;

import java.util.List;

/** A user's unread messages: per conversation they take part in, and the total. */
public record Unread(long total, List<Count> conversations) {

	public long of(ConversationId id) {
		return this.conversations.stream()
			.filter((count) -> count.conversationId().equals(id))
			.mapToLong(Count::unreadCount)
			.sum();
	}

	/** Unread messages in one conversation. */
	public record Count(ConversationId conversationId, ConversationKind kind, String subjectId, long unreadCount) {
	}

}
