package io.orderchat.moderation;

import java.time.Instant;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.orders.OrderId;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

/**
 * A moderator's offer to hand an order's chat to another moderator. Only its target may
 * decide it, once: {@link #accept} and {@link #decline} refuse anyone else with
 * {@code FORBIDDEN} and a decided transfer with {@code ILLEGAL_TRANSITION}.
 */
public record Transfer(UUID id, OrderId orderId, ConversationId conversationId, String fromId, String fromName,
		String toId, String toName, TransferStatus status, Instant createdAt, Instant decidedAt) {

	Transfer accept(Caller actor, Instant at) {
		return decide(actor, TransferStatus.ACCEPTED, at);
	}

	Transfer decline(Caller actor, Instant at) {
		return decide(actor, TransferStatus.DECLINED, at);
	}

	private Transfer decide(Caller actor, TransferStatus to, Instant at) {
		if (!this.toId.equals(actor.userId())) {
			throw DomainException.forbidden("Only " + this.toName + ", the moderator this chat is being transferred "
					+ "to, can accept or decline the transfer");
		}
		if (this.status != TransferStatus.PENDING) {
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, "The transfer was already " + this.status.wire());
		}
		return new Transfer(this.id, this.orderId, this.conversationId, this.fromId, this.fromName, this.toId,
				this.toName, to, this.createdAt, at);
	}

}
