package io.orderchat.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.conversations.MembershipChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits every change of who is in a conversation (an order accepted, a transfer
 * accepted, a performer changed, a support session taken, a moderator joining a dispute),
 * whichever workflow made it. Listens inside the changing transaction, so the entry
 * commits with the change or not at all.
 */
@Component
class MembershipChanges {

	private final AuditTrail trail;

	MembershipChanges(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(MembershipChanged event) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("userId", event.userId());
		details.put("role", event.role().wire());
		details.put("kind", event.kind().wire());
		this.trail.record(event.actor(), event.joined() ? "participant.added" : "participant.removed",
				event.conversationId().toString(), event.subjectId(), details);
	}

}
