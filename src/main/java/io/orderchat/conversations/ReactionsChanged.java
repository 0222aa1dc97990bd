package io.orderchat.conversations;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Someone added or removed a reaction: {@code reactions} is the message's whole list
 * afterwards, so a receiver replaces rather than adds up. Published inside the
 * transaction; {@code recipientUserIds} are the active participants.
 */
public record ReactionsChanged(ConversationRef conversation, UUID messageId, long seq, List<Reaction> reactions,
		String byUserId, Set<String> recipientUserIds) {

	public ConversationId conversationId() {
		return this.conversation.id();
	}

}
