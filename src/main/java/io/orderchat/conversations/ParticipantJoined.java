package io.orderchat.conversations;

import java.time.Instant;

/** Someone became an active participant (at a conversation's start, or added later). */
public record ParticipantJoined(ConversationId conversationId, ConversationKind kind, Participant participant,
		Instant at) {
}
