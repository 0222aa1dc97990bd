package io.orderchat.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.identity.Caller;
import io.orderchat.identity.UserDirectory;
import io.orderchat.orders.OrderStatusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits every order status change a staff member makes, whichever way it came (REST,
 * seed 000's {@code order:updateStatus}, a moderator's accept). Listens inside the
 * changing transaction, so the entry commits with the change or not at all.
 */
@Component
class StaffStatusChanges {

	private final AuditTrail trail;

	private final UserDirectory users;

	StaffStatusChanges(AuditTrail trail, UserDirectory users) {
		this.trail = trail;
		this.users = users;
	}

	@EventListener
	void on(OrderStatusChanged event) {
		this.users.find(event.byUserId()).filter((user) -> user.role().isStaff()).ifPresent((user) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("from", event.from().wire());
			details.put("to", event.to().wire());
			details.put("notes", event.notes());
			this.trail.record(new Caller(user.id(), user.name(), user.role(), null), "order.status_changed",
					event.conversationId().toString(), event.orderId().toString(), details);
		});
	}

}
