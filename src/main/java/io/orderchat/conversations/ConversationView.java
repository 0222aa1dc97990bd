package io.orderchat.conversations;

import java.util.List;

/**
 * A conversation as its reader opens it: active participants, the reader's read horizon
 * and unread count, and the latest page of history (oldest first).
 */
public record ConversationView(Conversation conversation, List<Participant> participants, long lastSeq, long readSeq,
		long unreadCount, List<Message> messages, boolean hasMore) {
}
