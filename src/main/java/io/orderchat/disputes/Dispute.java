package io.orderchat.disputes;

import java.time.Instant;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.orders.OrderId;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

/**
 * A dispute about an order. Immutable: {@link #changeStatus} answers the changed dispute
 * or refuses with {@code FORBIDDEN} (only moderators and admins decide disputes) or
 * {@code ILLEGAL_TRANSITION}.
 */
public record Dispute(UUID id, OrderId orderId, ConversationId conversationId, String customerId, String performerId,
		String openedBy, Role openedByRole, String reason, DisputeStatus status, String statusName, String moderatorId,
		String moderatorName, String resolution, Instant createdAt, Instant updatedAt) {

	/**
	 * {@code statusName}: the status as the host app last named it (DIALECTS.md §0.7),
	 * OrderChat's own name when the host named none.
	 */
	public Dispute {
		statusName = (statusName != null) ? statusName : status.wire();
	}

	public boolean isOpen() {
		return this.status.isOpen();
	}

	/** Moves the dispute to {@code to} under OrderChat's own name of it. */
	Dispute changeStatus(DisputeStatus to, Caller actor, String resolution, Instant at) {
		return changeStatus(to, to.wire(), actor, resolution, at);
	}

	/**
	 * Moves the dispute to {@code to}, which the host app calls {@code statusName}; a
	 * moderator who acts on a dispute without a moderator becomes its moderator.
	 */
	Dispute changeStatus(DisputeStatus to, String statusName, Caller actor, String resolution, Instant at) {
		if (!actor.is(Role.MODERATOR) && !actor.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only a moderator or an admin can change a dispute's status");
		}
		if (!this.status.next().contains(to)) {
			String message = this.status.isOpen()
					? "A dispute that is " + this.status.wire() + " cannot become " + to.wire()
					: "The dispute is " + this.status.wire() + " and can no longer change";
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, message);
		}
		boolean takes = this.moderatorId == null && actor.is(Role.MODERATOR);
		return new Dispute(this.id, this.orderId, this.conversationId, this.customerId, this.performerId, this.openedBy,
				this.openedByRole, this.reason, to, statusName, takes ? actor.userId() : this.moderatorId,
				takes ? actor.name() : this.moderatorName, (resolution != null) ? resolution : this.resolution,
				this.createdAt, at);
	}

}
