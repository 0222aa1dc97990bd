package io.orderchat.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A conversation's history was cleaned: the listed messages became tombstones.
 * {@code imagesRemoved} counts the image messages among them; the attachments module
 * deletes the stored files of the removed messages. {@code recipientUserIds} are the
 * active participants.
 */
public record ConversationCleaned(ConversationRef conversation, List<UUID> removedMessageIds, int messagesRemoved,
		int imagesRemoved, String byUserId, String byName, Set<String> recipientUserIds, Instant at) {

	public ConversationId conversationId() {
		return this.conversation.id();
	}

}
