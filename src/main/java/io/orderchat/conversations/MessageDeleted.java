package io.orderchat.conversations;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A message became a tombstone. Also the answer of {@code delete}.
 * {@code recipientUserIds} are the active participants.
 */
public record MessageDeleted(ConversationRef conversation, UUID messageId, long seq, String byUserId, Instant at,
		Set<String> recipientUserIds) {

	public ConversationId conversationId() {
		return this.conversation.id();
	}

}
