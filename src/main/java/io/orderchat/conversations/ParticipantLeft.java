package io.orderchat.conversations;

import java.time.Instant;

/**
 * Someone stopped being a participant; from now on they are refused (unless staff rules
 * let them in). Realtime code must take their sockets out of the conversation's room.
 */
public record ParticipantLeft(ConversationId conversationId, ConversationKind kind, Participant participant,
		Instant at) {
}
