package io.orderchat.realtime.pipeline;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.ConversationRef;
import io.orderchat.disputes.Dispute;
import io.orderchat.orders.OrderId;
import io.orderchat.realtime.events.Subject;
import io.orderchat.support.SupportSession;

/**
 * The subject of an event, from what its domain event carries: the relays never read the
 * database for it.
 */
final class Subjects {

	private Subjects() {
	}

	static Subject of(ConversationRef conversation) {
		return new Subject(conversation.id().toString(), conversation.kind(), conversation.subjectId());
	}

	static Subject order(ConversationId conversationId, OrderId orderId) {
		return new Subject(conversationId.toString(), ConversationKind.ORDER, orderId.toString());
	}

	static Subject support(SupportSession session) {
		return new Subject(session.conversationId().toString(), ConversationKind.SUPPORT, session.id().toString());
	}

	static Subject dispute(Dispute dispute) {
		return new Subject(dispute.conversationId().toString(), ConversationKind.DISPUTE, dispute.id().toString());
	}

}
