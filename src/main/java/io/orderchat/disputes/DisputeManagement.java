package io.orderchat.disputes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.audit.AuditTrail;
import io.orderchat.conversations.ConversationAccess;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.conversations.Member;
import io.orderchat.conversations.Membership;
import io.orderchat.conversations.Message;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disputes module's entry point. Who sees a dispute is who may access its
 * conversation: its customer, performer and moderator as participants, every moderator
 * and admin as staff. Every change posts system messages in the dispute's conversation
 * and the order's, and publishes an event.
 */
@Service
public class DisputeManagement {

	private static final int MAX_REASON = 2000;

	private static final int MAX_EVIDENCE = 50;

	private final Disputes disputes;

	private final Evidence evidence;

	private final OrderManagement orders;

	private final ConversationManagement conversations;

	private final ConversationAccess conversationAccess;

	private final Membership membership;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DisputeStatusNames statusNames;

	DisputeManagement(Disputes disputes, Evidence evidence, OrderManagement orders,
			ConversationManagement conversations, ConversationAccess conversationAccess, Membership membership,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock, DisputeStatusNames statusNames) {
		this.disputes = disputes;
		this.evidence = evidence;
		this.orders = orders;
		this.conversations = conversations;
		this.conversationAccess = conversationAccess;
		this.membership = membership;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.statusNames = statusNames;
	}

	/**
	 * The customer or the performer of an order opens a dispute about it: a dispute
	 * conversation with the customer, the performer and the order's moderator (if it has
	 * one; any moderator may take it otherwise). One open dispute per order
	 * ({@code CONFLICT}).
	 */
	@Transactional
	public Dispute open(Caller caller, String orderIdOrExternalId, String reason) {
		Order order = this.orders.get(caller, orderIdOrExternalId);
		if (!order.isCustomer(caller.userId()) && !order.isPerformer(caller.userId())) {
			throw DomainException.forbidden("Only the order's customer or performer can open a dispute");
		}
		String why = Inputs.optionalText(reason, "reason", MAX_REASON);
		if (why == null) {
			throw DomainException.invalid("Field 'reason' is required");
		}
		if (this.disputes.openForOrder(order.id())) {
			throw new DomainException(ErrorCode.CONFLICT, "This order already has an open dispute");
		}
		Instant now = Timestamps.now(this.clock);
		UUID id = UUID.randomUUID();
		List<Member> members = new ArrayList<>();
		members.add(new Member(order.customerId(), order.customerName(), Role.CUSTOMER));
		if (order.performerId() != null) {
			members.add(new Member(order.performerId(), order.performerName(), Role.PERFORMER));
		}
		if (order.moderatorId() != null) {
			members.add(new Member(order.moderatorId(), order.moderatorName(), Role.MODERATOR));
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("event", "dispute.opened");
		metadata.put("disputeId", id.toString());
		metadata.put("orderId", order.id().toString());
		metadata.put("by", caller.userId());
		var conversation = this.conversations.start(ConversationKind.DISPUTE, id.toString(),
				"Dispute on order " + order.id(), members, "Dispute opened by " + caller.name() + ": " + why, metadata);
		Dispute dispute = new Dispute(id, order.id(), conversation, order.customerId(), order.performerId(),
				caller.userId(), caller.role(), why, DisputeStatus.OPEN, null, order.moderatorId(),
				order.moderatorName(), null, now, now);
		try {
			this.disputes.insert(dispute);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(ErrorCode.CONFLICT, "This order already has an open dispute");
		}
		this.conversations.postSystemMessage(order.conversationId(), caller.name() + " opened a dispute", metadata);
		this.events.publishEvent(new DisputeOpened(dispute, caller.name()));
		return dispute;
	}

	/** The dispute, if the caller may see it. */
	@Transactional(readOnly = true)
	public Dispute get(Caller caller, String disputeId) {
		Dispute dispute = this.disputes.find(id(disputeId))
			.orElseThrow(() -> DomainException.notFound("No dispute '" + disputeId + "'"));
		if (!this.conversationAccess.mayAccess(caller, dispute.conversationId())) {
			throw DomainException.forbidden("You are not a party to this dispute");
		}
		return dispute;
	}

	/**
	 * Moderators and admins: every dispute; others: the ones they are party to.
	 * {@code status} optional.
	 */
	@Transactional(readOnly = true)
	public List<Dispute> list(Caller caller, DisputeStatus status) {
		if (caller.is(Role.MODERATOR) || caller.is(Role.ADMIN)) {
			return this.disputes.all(status);
		}
		return this.disputes.of(caller.userId(), status);
	}

	/** The disputes of an order the caller may see. */
	@Transactional(readOnly = true)
	public List<Dispute> ofOrder(Caller caller, String orderIdOrExternalId) {
		Order order = this.orders.get(caller, orderIdOrExternalId);
		return this.disputes.ofOrder(order.id())
			.stream()
			.filter((dispute) -> this.conversationAccess.mayAccess(caller, dispute.conversationId()))
			.toList();
	}

	/** Whether an open dispute holds the order's conversation (legal hold). */
	@Transactional(readOnly = true)
	public boolean holds(Order order) {
		return this.disputes.openForOrder(order.id());
	}

	/**
	 * A moderator or admin moves the dispute on (see {@link Dispute#changeStatus}); a
	 * moderator who takes an unassigned dispute joins its conversation.
	 */
	@Transactional
	public Dispute changeStatus(Caller caller, String disputeId, DisputeStatus to, String resolution) {
		if (to == null) {
			throw DomainException.invalid("Field 'status' is required");
		}
		return change(caller, disputeId, to, to.wire(), resolution, null);
	}

	/**
	 * The host API's status change (DIALECTS.md §0.7): {@code statusName} is OrderChat's
	 * name or a host app's alias of it ({@link DisputeStatusNames}; unknown →
	 * {@code VALIDATION_FAILED}), and is what {@link DisputeStatusChanged} carries.
	 */
	@Transactional
	public Dispute changeStatus(Caller caller, String disputeId, String statusName, String resolution,
			String updatedBy) {
		var status = this.statusNames.resolve(statusName);
		String by = Inputs.optionalText(updatedBy, "updatedBy", 200);
		if (by != null && !by.equals(caller.userId()) && !caller.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only an admin (the host app's service token) can name another user");
		}
		return change(caller, disputeId, status.status(), status.name(), resolution, by);
	}

	private Dispute change(Caller caller, String disputeId, DisputeStatus to, String statusName, String resolution,
			String updatedBy) {
		String byUserId = (updatedBy != null) ? updatedBy : caller.userId();
		String byName = (updatedBy != null && !updatedBy.equals(caller.userId())) ? updatedBy : caller.name();
		String text = Inputs.optionalText(resolution, "resolution", MAX_REASON);
		get(caller, disputeId);
		Dispute current = this.disputes.lock(id(disputeId)).orElseThrow();
		Instant now = Timestamps.now(this.clock);
		Dispute changed = current.changeStatus(to, statusName, caller, text, now);
		this.disputes.update(changed);
		if (caller.is(Role.MODERATOR)) {
			this.membership.addParticipant(caller, changed.conversationId(),
					new Member(caller.userId(), caller.name(), Role.MODERATOR),
					caller.name() + " joined the dispute as moderator");
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("event", "dispute.status");
		metadata.put("disputeId", changed.id().toString());
		metadata.put("from", current.status().wire());
		metadata.put("to", to.wire());
		metadata.put("statusName", statusName);
		metadata.put("by", byUserId);
		metadata.put("resolution", text);
		String message = "Dispute status changed from " + current.statusName() + " to " + statusName + " by " + byName
				+ ((text != null) ? ": " + text : "");
		this.conversations.postSystemMessage(changed.conversationId(), message, metadata);
		Order order = this.orders.resolve(changed.orderId().toString());
		this.conversations.postSystemMessage(order.conversationId(), message, metadata);
		this.audit.record(caller, "dispute.status_changed", changed.conversationId().toString(),
				changed.id().toString(), metadata);
		this.events
			.publishEvent(new DisputeStatusChanged(changed, current.status(), to, byUserId, byName, now, statusName));
		return changed;
	}

	/**
	 * Cites messages of the order's conversation as evidence (any party to the open
	 * dispute, or staff). Each must be a live message of that conversation; citing one
	 * twice is harmless. Answers every cited message.
	 */
	@Transactional
	public List<Message> cite(Caller caller, String disputeId, List<String> messageIds, String note) {
		if (messageIds == null || messageIds.isEmpty()) {
			throw DomainException.invalid("Field 'messageIds' must name at least one message");
		}
		if (messageIds.size() > MAX_EVIDENCE) {
			throw DomainException.invalid("At most " + MAX_EVIDENCE + " messages can be cited at once");
		}
		String why = Inputs.optionalText(note, "note", 1000);
		get(caller, disputeId);
		Dispute dispute = this.disputes.lock(id(disputeId)).orElseThrow();
		if (!dispute.isOpen()) {
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
					"The dispute is " + dispute.status().wire() + "; it takes no more evidence");
		}
		Order order = this.orders.resolve(dispute.orderId().toString());
		List<UUID> added = new ArrayList<>();
		Instant now = Timestamps.now(this.clock);
		for (String messageId : messageIds) {
			UUID mid = messageId(messageId);
			Message message = this.conversations.findMessage(mid)
				.filter((m) -> m.conversationId().equals(order.conversationId()))
				.filter((m) -> !m.staffOnly())
				.orElseThrow(() -> DomainException
					.invalid("Message '" + messageId + "' is not a message of this dispute's order"));
			if (message.deleted()) {
				throw DomainException.invalid("Message '" + messageId + "' was deleted and cannot be cited");
			}
			if (this.evidence.cite(dispute.id(), mid, caller.userId(), why, now)) {
				added.add(mid);
			}
		}
		if (!added.isEmpty()) {
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("event", "dispute.evidence");
			metadata.put("disputeId", dispute.id().toString());
			metadata.put("messageIds", added.stream().map(UUID::toString).toList());
			metadata.put("by", caller.userId());
			this.conversations.postSystemMessage(dispute.conversationId(),
					caller.name() + " cited " + added.size() + " message(s) as evidence", metadata);
			this.events.publishEvent(new EvidenceCited(dispute, List.copyOf(added), caller.userId(), now));
		}
		return evidence(dispute);
	}

	/** The messages the dispute cites, as stored now. */
	@Transactional(readOnly = true)
	public List<Message> evidence(Caller caller, String disputeId) {
		return evidence(get(caller, disputeId));
	}

	private List<Message> evidence(Dispute dispute) {
		return this.evidence.of(dispute.id())
			.stream()
			.map(this.conversations::findMessage)
			.flatMap(java.util.Optional::stream)
			.toList();
	}

	private static UUID id(String disputeId) {
		return Inputs.uuid(disputeId, "dispute");
	}

	private static UUID messageId(String messageId) {
		return Inputs.parseUuid(messageId)
			.orElseThrow(() -> DomainException.invalid("Message '" + messageId + "' is not a message id"));
	}

}
