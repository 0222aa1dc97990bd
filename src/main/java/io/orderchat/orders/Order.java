package io.orderchat.orders;

import java.math.BigDecimal;
import java.time.Instant;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

/**
 * An order. Immutable: each guarded change answers the changed order or refuses with
 * {@code FORBIDDEN} (the actor may not) or {@code ILLEGAL_TRANSITION} (the status machine
 * does not allow it).
 * <p>
 * Who may move an order where: to processing, a moderator or admin (who accepts it and
 * becomes its moderator); to completed, its moderator, an admin or its performer; to
 * cancelled, only its customer; to rejected, its moderator or an admin. A moderator acts
 * on a pending order (the queue) and on the orders they moderate, not on another
 * moderator's; support agents never act on orders.
 */
public record Order(OrderId id, String externalId, ConversationId conversationId, String customerId,
		String customerName, String performerId, String performerName, String moderatorId, String moderatorName,
		OrderStatus status, String statusName, String exchangeMethod, BigDecimal amount, String title, String notes,
		Instant createdAt, Instant updatedAt, long version) {

	/**
	 * {@code statusName}: the status as the host app last named it (DIALECTS.md §0.7),
	 * OrderChat's own name when the host named none.
	 */
	public Order {
		statusName = (statusName != null) ? statusName : status.wire();
	}

	/** A new pending order. */
	static Order place(OrderId id, String externalId, ConversationId conversationId, Party customer, Party performer,
			String exchangeMethod, BigDecimal amount, String title, String notes, Instant at) {
		return new Order(id, externalId, conversationId, customer.id(), customer.name(),
				(performer != null) ? performer.id() : null, (performer != null) ? performer.name() : null, null, null,
				OrderStatus.PENDING, null, exchangeMethod, amount, title, notes, at, at, 0);
	}

	public boolean isCustomer(String userId) {
		return this.customerId.equals(userId);
	}

	public boolean isPerformer(String userId) {
		return this.performerId != null && this.performerId.equals(userId);
	}

	public boolean isModerator(String userId) {
		return this.moderatorId != null && this.moderatorId.equals(userId);
	}

	/**
	 * Staff see every order; others only the orders they are customer, performer or
	 * moderator of.
	 */
	public boolean visibleTo(Caller caller) {
		String user = caller.userId();
		return caller.isStaff() || isCustomer(user) || isPerformer(user) || isModerator(user);
	}

	/**
	 * Whether {@code actor} may act as this order's moderator: an admin always, a
	 * moderator while the order has no moderator yet or is theirs.
	 */
	public boolean moderatedBy(Caller actor) {
		return actor.is(Role.ADMIN)
				|| (actor.is(Role.MODERATOR) && (this.moderatorId == null || isModerator(actor.userId())));
	}

	/**
	 * Whether {@code actor} may hand the order to another performer: an admin (the host
	 * app's service token) or the order's own moderator.
	 */
	public boolean performerChangeableBy(Caller actor) {
		return actor.is(Role.ADMIN) || (actor.is(Role.MODERATOR) && isModerator(actor.userId()));
	}

	/** Moves the order to {@code to} on behalf of {@code actor}, or refuses. */
	public Order changeStatus(OrderStatus to, Caller actor, Instant at) {
		return changeStatus(to, to.wire(), actor, at);
	}

	/**
	 * Moves the order to {@code to}, which the host app calls {@code statusName}, on
	 * behalf of {@code actor}, or refuses.
	 */
	Order changeStatus(OrderStatus to, String statusName, Caller actor, Instant at) {
		if (!visibleTo(actor)) {
			throw DomainException.forbidden("You are not a party to this order");
		}
		if (!this.status.next().contains(to)) {
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, illegal(to));
		}
		requireMayMoveTo(to, actor);
		boolean accepts = to == OrderStatus.PROCESSING && this.moderatorId == null;
		return new Order(this.id, this.externalId, this.conversationId, this.customerId, this.customerName,
				this.performerId, this.performerName, accepts ? actor.userId() : this.moderatorId,
				accepts ? actor.name() : this.moderatorName, to, statusName, this.exchangeMethod, this.amount,
				this.title, this.notes, this.createdAt, at, this.version + 1);
	}

	/**
	 * Refuses unless {@code actor} may report that the order, still in its current
	 * status, is now in another of the host app's steps of it ({@code accepted} →
	 * {@code in_transit}, both processing): who could have moved it there (an admin while
	 * it is pending), while it is not final.
	 */
	public void requireMayRename(Caller actor) {
		if (!visibleTo(actor)) {
			throw DomainException.forbidden("You are not a party to this order");
		}
		if (this.status.isFinal()) {
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, illegal(this.status));
		}
		if (this.status == OrderStatus.PENDING) {
			require(actor.is(Role.ADMIN),
					"Only an admin (the host app's service token) can rename a pending order's status");
		}
		else {
			requireMayMoveTo(this.status, actor);
		}
	}

	/**
	 * The order, still in its status, under another of the host app's names for it;
	 * refused like {@link #requireMayRename}.
	 */
	Order renameStatus(String name, Caller actor, Instant at) {
		requireMayRename(actor);
		return new Order(this.id, this.externalId, this.conversationId, this.customerId, this.customerName,
				this.performerId, this.performerName, this.moderatorId, this.moderatorName, this.status, name,
				this.exchangeMethod, this.amount, this.title, this.notes, this.createdAt, at, this.version + 1);
	}

	private void requireMayMoveTo(OrderStatus to, Caller actor) {
		switch (to) {
			case PROCESSING -> require(moderatedBy(actor), "Only a moderator or an admin can accept an order");
			case COMPLETED -> require(moderatedBy(actor) || isPerformer(actor.userId()),
					"Only the order's performer, its moderator or an admin can complete it");
			// The customer, or (DIALECTS.md §1.2, decided) the order's current moderator
			// or an admin; a pending order has no moderator yet.
			case CANCELLED -> require(
					isCustomer(actor.userId()) || actor.is(Role.ADMIN)
							|| (actor.is(Role.MODERATOR) && isModerator(actor.userId())),
					"Only the order's customer, its moderator or an admin can cancel it");
			case REJECTED -> require(moderatedBy(actor), "Only the order's moderator or an admin can reject it");
			case PENDING -> throw new IllegalStateException("no transition leads back to pending");
		}
	}

	/** Hands the order to another performer; refused once the order is final. */
	Order withPerformer(Party performer, Instant at) {
		if (this.status.isFinal()) {
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
					"The order is " + this.status.wire() + "; its performer can no longer change");
		}
		return new Order(this.id, this.externalId, this.conversationId, this.customerId, this.customerName,
				performer.id(), performer.name(), this.moderatorId, this.moderatorName, this.status, this.statusName,
				this.exchangeMethod, this.amount, this.title, this.notes, this.createdAt, at, this.version + 1);
	}

	/**
	 * Hands the order to another moderator (a transfer the target accepted); refused once
	 * the order is final.
	 */
	Order withModerator(Party moderator, Instant at) {
		if (this.status.isFinal()) {
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
					"The order is " + this.status.wire() + "; its moderator can no longer change");
		}
		return new Order(this.id, this.externalId, this.conversationId, this.customerId, this.customerName,
				this.performerId, this.performerName, moderator.id(), moderator.name(), this.status, this.statusName,
				this.exchangeMethod, this.amount, this.title, this.notes, this.createdAt, at, this.version + 1);
	}

	private String illegal(OrderStatus to) {
		if (this.status == to) {
			return "The order is already " + to.wire();
		}
		if (this.status.isFinal()) {
			return "The order is " + this.status.wire() + " and can no longer change";
		}
		return "An order that is " + this.status.wire() + " cannot become " + to.wire() + "; it can become "
				+ String.join(" or ", this.status.next().stream().map(OrderStatus::wire).toList());
	}

	private static void require(boolean allowed, String message) {
		if (!allowed) {
			throw DomainException.forbidden(message);
		}
	}

}
