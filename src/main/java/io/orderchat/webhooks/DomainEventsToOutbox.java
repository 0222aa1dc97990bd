package io.orderchat.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessagePosted;
import io.orderchat.disputes.Dispute;
import io.orderchat.disputes.DisputeOpened;
import io.orderchat.disputes.DisputeStatusChanged;
import io.orderchat.orders.OrderStatusChanged;
import io.orderchat.support.SupportSessionStatusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into outbox rows. A plain {@code @EventListener} on purpose: the
 * events are published inside their transactions, so the rows are written in the same
 * transaction (an after-commit listener could lose them in a crash).
 */
@Component
class DomainEventsToOutbox {

	private final Outbox outbox;

	DomainEventsToOutbox(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(MessagePosted posted) {
		if (!this.outbox.wanted(WebhookEvent.MESSAGE_CREATED)) {
			return;
		}
		Message message = posted.message();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversationId", message.conversationId().toString());
		data.put("kind", posted.conversation().kind().wire());
		data.put("subjectId", posted.conversation().subjectId());
		data.put("messageId", message.id().toString());
		data.put("seq", message.seq());
		data.put("type", message.type().wire());
		data.put("content", message.content());
		data.put("senderId", message.senderId());
		data.put("senderName", message.senderName());
		data.put("senderRole", (message.senderRole() != null) ? message.senderRole().wire() : null);
		data.put("createdAt", message.createdAt().toString());
		data.put("recipientUserIds", posted.recipientUserIds().stream().sorted().toList());
		this.outbox.write(WebhookEvent.MESSAGE_CREATED, data);
	}

	@EventListener
	void on(OrderStatusChanged changed) {
		if (!this.outbox.wanted(WebhookEvent.ORDER_STATUS_CHANGED)) {
			return;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("orderId", changed.orderId().toString());
		data.put("externalId", changed.order().externalId());
		data.put("conversationId", changed.conversationId().toString());
		data.put("from", changed.from().wire());
		data.put("to", changed.to().wire());
		data.put("byUserId", changed.byUserId());
		data.put("at", changed.at().toString());
		data.put("customerId", changed.order().customerId());
		data.put("performerId", changed.order().performerId());
		data.put("moderatorId", changed.order().moderatorId());
		this.outbox.write(WebhookEvent.ORDER_STATUS_CHANGED, data);
	}

	@EventListener
	void on(DisputeOpened opened) {
		if (!this.outbox.wanted(WebhookEvent.DISPUTE_OPENED)) {
			return;
		}
		Map<String, Object> data = dispute(opened.dispute());
		data.put("openedBy", opened.dispute().openedBy());
		data.put("openedByRole", opened.dispute().openedByRole().wire());
		data.put("reason", opened.dispute().reason());
		this.outbox.write(WebhookEvent.DISPUTE_OPENED, data);
	}

	@EventListener
	void on(DisputeStatusChanged changed) {
		if (!this.outbox.wanted(WebhookEvent.DISPUTE_STATUS_CHANGED)) {
			return;
		}
		Map<String, Object> data = dispute(changed.dispute());
		data.put("from", changed.from().wire());
		data.put("to", changed.to().wire());
		data.put("byUserId", changed.byUserId());
		data.put("at", changed.at().toString());
		this.outbox.write(WebhookEvent.DISPUTE_STATUS_CHANGED, data);
	}

	@EventListener
	void on(SupportSessionStatusChanged changed) {
		if (!this.outbox.wanted(WebhookEvent.SUPPORT_SESSION_STATUS_CHANGED)) {
			return;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sessionId", changed.session().id().toString());
		data.put("conversationId", changed.session().conversationId().toString());
		data.put("customerId", changed.session().customerId());
		data.put("agentId", changed.session().agentId());
		data.put("from", changed.from().wire());
		data.put("to", changed.to().wire());
		data.put("byUserId", changed.byUserId());
		data.put("at", changed.session().updatedAt().toString());
		this.outbox.write(WebhookEvent.SUPPORT_SESSION_STATUS_CHANGED, data);
	}

	private static Map<String, Object> dispute(Dispute dispute) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("disputeId", dispute.id().toString());
		data.put("orderId", dispute.orderId().toString());
		data.put("conversationId", dispute.conversationId().toString());
		data.put("status", dispute.status().wire());
		data.put("customerId", dispute.customerId());
		data.put("performerId", dispute.performerId());
		data.put("moderatorId", dispute.moderatorId());
		return data;
	}

}
