package io.orderchat.conversations;

import java.util.List;

/**
 * What one history statement found: the conversation's kind ({@code null} when there is
 * no such conversation), whether the reader is an active participant, and the messages in
 * ascending seq order — none unless the reader may read the conversation.
 */
record GuardedPage(ConversationKind kind, boolean participant, List<Message> messages) {

	boolean conversationExists() {
		return this.kind != null;
	}

}
