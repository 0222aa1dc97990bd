package io.orderchat.conversations;

import java.time.Instant;

/**
 * Someone stopped being a participant; from now on they are refused (unless staff rules
 * let them in). Realtime code must take their sockets out of the conversation's room.
 */
public record ParticipantLeft(ConversationRef conversation, Participant participant, Instant at) {

	public ConversationId conversationId() {
		return this.conversation.id();
	}

	public ConversationKind kind() {
		return this.conversation.kind();
	}

}
