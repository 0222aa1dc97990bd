package io.orderchat.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A conversation's history was cleaned: the listed messages became tombstones.
 * {@code imagesRemoved} counts the image messages among them; {@code attachmentKeys} are
 * the stored files they referred to, which the attachments module deletes.
 * {@code recipientUserIds} are the active participants.
 */
public record ConversationCleaned(ConversationId conversationId, List<UUID> removedMessageIds, int messagesRemoved,
		int imagesRemoved, List<String> attachmentKeys, String byUserId, String byName, Set<String> recipientUserIds,
		Instant at) {
}
