package io.orderchat.support;

import java.time.Instant;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

/**
 * A customer's support session. Immutable: each guarded change answers the changed
 * session or refuses with {@code FORBIDDEN}, {@code CONFLICT} (another agent accepted it
 * first) or {@code ILLEGAL_TRANSITION}.
 */
public record SupportSession(UUID id, ConversationId conversationId, String customerId, String customerName,
		String agentId, String agentName, String subject, String category, Priority priority, String restaurantId,
		SupportStatus status, Instant createdAt, Instant updatedAt, Instant acceptedAt, Instant resolvedAt,
		Instant closedAt, String closedBy) {

	static boolean isAgent(Caller caller) {
		return caller.is(Role.SUPPORT) || caller.is(Role.ADMIN);
	}

	boolean isCustomer(String userId) {
		return this.customerId.equals(userId);
	}

	/**
	 * An agent picks the waiting session up; the second of two racing agents is refused.
	 */
	SupportSession accept(Caller agent, Instant at) {
		if (!isAgent(agent)) {
			throw DomainException.forbidden("Only support agents can accept support sessions");
		}
		if (this.status == SupportStatus.ACTIVE && this.agentId != null) {
			throw new DomainException(ErrorCode.CONFLICT, this.agentId.equals(agent.userId())
					? "You already accepted this session" : "This session was already accepted by " + this.agentName);
		}
		if (this.status != SupportStatus.WAITING) {
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
					"The session is " + this.status.wire() + " and cannot be accepted");
		}
		return withAgent(agent.userId(), agent.name(), at);
	}

	/** A support agent or admin hands a waiting or active session to an agent. */
	SupportSession assign(Caller actor, String agentId, String agentName, Instant at) {
		if (!isAgent(actor)) {
			throw DomainException.forbidden("Only support agents can assign support sessions");
		}
		if (this.status != SupportStatus.WAITING && this.status != SupportStatus.ACTIVE) {
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
					"The session is " + this.status.wire() + " and cannot be assigned");
		}
		return withAgent(agentId, agentName, at);
	}

	/**
	 * Resolves (its agent, any support agent or an admin; from active) or closes (either
	 * side; from any status but closed).
	 */
	SupportSession changeStatus(Caller actor, SupportStatus to, Instant at) {
		boolean agent = isAgent(actor);
		switch (to) {
			case RESOLVED -> {
				if (!agent) {
					throw DomainException.forbidden("Only a support agent can resolve a session");
				}
				if (this.status != SupportStatus.ACTIVE) {
					throw illegal(to);
				}
				return with(to, at, this.acceptedAt, at, this.closedAt, this.closedBy);
			}
			case CLOSED -> {
				if (!agent && !isCustomer(actor.userId())) {
					throw DomainException.forbidden("Only the session's customer or a support agent can close it");
				}
				if (this.status == SupportStatus.CLOSED) {
					throw illegal(to);
				}
				return with(to, at, this.acceptedAt, this.resolvedAt, at, actor.userId());
			}
			case ACTIVE, WAITING -> throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
					"A session becomes active when an agent accepts it; it never goes back to waiting");
		}
		throw new IllegalStateException("unreachable");
	}

	private DomainException illegal(SupportStatus to) {
		return new DomainException(ErrorCode.ILLEGAL_TRANSITION,
				(this.status == to) ? "The session is already " + to.wire()
						: "A session that is " + this.status.wire() + " cannot become " + to.wire());
	}

	private SupportSession withAgent(String agentId, String agentName, Instant at) {
		return new SupportSession(this.id, this.conversationId, this.customerId, this.customerName, agentId, agentName,
				this.subject, this.category, this.priority, this.restaurantId, SupportStatus.ACTIVE, this.createdAt, at,
				(this.acceptedAt != null) ? this.acceptedAt : at, this.resolvedAt, this.closedAt, this.closedBy);
	}

	private SupportSession with(SupportStatus to, Instant at, Instant acceptedAt, Instant resolvedAt, Instant closedAt,
			String closedBy) {
		return new SupportSession(this.id, this.conversationId, this.customerId, this.customerName, this.agentId,
				this.agentName, this.subject, this.category, this.priority, this.restaurantId, to, this.createdAt, at,
				acceptedAt, resolvedAt, closedAt, closedBy);
	}

}
