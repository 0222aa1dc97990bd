package io.orderchat.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;

/**
 * One staff action. {@code action} is a dotted name ({@code order.accepted},
 * {@code conversation.cleaned}...); {@code subjectId} is what the conversation is about
 * (the order, dispute or session id); {@code details} are the action's particulars.
 */
public record AuditEntry(UUID id, Instant at, String actorId, String actorName, Role actorRole, String action,
		String conversationId, String subjectId, int messagesRemoved, int imagesRemoved, Map<String, Object> details) {
}
