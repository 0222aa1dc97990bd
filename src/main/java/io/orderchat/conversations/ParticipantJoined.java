package io.orderchat.conversations;

import java.time.Instant;

/** Someone became an active participant (at a conversation's start, or added later). */
public record ParticipantJoined(ConversationRef conversation, Participant participant, Instant at) {

	public ConversationId conversationId() {
		return this.conversation.id();
	}

	public ConversationKind kind() {
		return this.conversation.kind();
	}

}
