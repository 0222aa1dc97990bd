package io.orderchat.conversations;

import java.time.Instant;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;

/**
 * {@code actor} added ({@code joined}) or removed a participant after the conversation
 * started, as {@link MembershipPolicy} allowed; published in the changing transaction so
 * the audit trail records it with the change or not at all.
 */
public record MembershipChanged(ConversationId conversationId, ConversationKind kind, String subjectId, Caller actor,
		String userId, Role role, boolean joined, Instant at) {
}
