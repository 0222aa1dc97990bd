package io.orderchat.conversations;

import java.util.Set;

/**
 * A staff-only note was stored. Deliberately not a {@link MessagePosted}: delivery of
 * ordinary messages never sees it. {@code staffUserIds} are the conversation's active
 * staff participants; staff observers who joined the conversation live may receive it
 * too.
 */
public record InternalNoteAdded(Message message, ConversationRef conversation, Set<String> staffUserIds) {

	public ConversationKind kind() {
		return this.conversation.kind();
	}

}
