package io.orderchat.conversations;

import java.util.Set;

/**
 * What a send is checked against, read under the conversation's row lock: its kind, its
 * newest seq, whether it is closed and who takes part now. Closing and changing
 * participants take the same lock, so none of it changes until the sends' transaction
 * ends.
 */
record LockedConversation(ConversationId id, ConversationKind kind, String subjectId, long lastSeq, boolean closed,
		Set<String> activeMembers) {

	ConversationRef ref() {
		return new ConversationRef(this.id, this.kind, this.subjectId);
	}

}
