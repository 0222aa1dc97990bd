package io.orderchat.moderation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.orderchat.audit.AuditTrail;
import io.orderchat.conversations.Conversation;
import io.orderchat.conversations.ConversationCleaned;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.Messaging;
import io.orderchat.disputes.DisputeManagement;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.identity.UserDirectory;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.OrderStatus;
import io.orderchat.orders.Party;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderation module's entry point. An order is named by its id, its external id, or
 * its conversation's id (seed 000's {@code roomId}). Moderators (and admins) act; every
 * action is recorded in the {@link AuditTrail} in the same transaction.
 */
@Service
public class Moderation {

	private final OrderManagement orders;

	private final ConversationManagement conversations;

	private final Messaging messaging;

	private final DisputeManagement disputes;

	private final Transfers transfers;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Moderation(OrderManagement orders, ConversationManagement conversations, Messaging messaging,
			DisputeManagement disputes, Transfers transfers, UserDirectory users, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.conversations = conversations;
		this.messaging = messaging;
		this.disputes = disputes;
		this.transfers = transfers;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Pending orders, oldest first: what moderators should pick up next. */
	@Transactional(readOnly = true)
	public List<Order> queue(Caller caller) {
		requireModerator(caller, "see the moderator queue");
		return this.orders.all(caller, OrderStatus.PENDING).reversed();
	}

	/**
	 * A moderator accepts a pending order: it moves to processing and the moderator joins
	 * its conversation (see {@link OrderManagement#accept}).
	 */
	@Transactional
	public Order accept(Caller caller, String orderRef) {
		requireModerator(caller, "accept orders");
		Order order = order(orderRef);
		Order accepted = this.orders.accept(caller, order.id().toString());
		this.audit.record(caller, "order.accepted", accepted.conversationId().toString(), accepted.id().toString(),
				Map.of("status", accepted.status().wire()));
		this.events.publishEvent(new OrderAccepted(accepted.id(), accepted.conversationId(), caller.userId(),
				caller.name(), accepted.updatedAt()));
		return accepted;
	}

	/**
	 * The order's moderator offers its chat to another moderator, who must be known to
	 * this server (has called it at least once). One pending transfer per order.
	 */
	@Transactional
	public Transfer initiateTransfer(Caller caller, String orderRef, String toModeratorId) {
		requireModerator(caller, "transfer chats");
		if (toModeratorId == null || toModeratorId.isBlank()) {
			throw DomainException.invalid("Field 'toModeratorId' is required");
		}
		Order order = order(orderRef);
		if (!order.isModerator(caller.userId()) && !caller.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only the order's moderator can transfer its chat");
		}
		if (order.status().isFinal()) {
			throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
					"The order is " + order.status().wire() + "; its chat can no longer be transferred");
		}
		UserDirectory.KnownUser target = this.users.find(toModeratorId)
			.filter((user) -> user.role() == Role.MODERATOR)
			.orElseThrow(() -> DomainException.notFound("No moderator '" + toModeratorId + "'"));
		if (order.isModerator(target.id())) {
			throw DomainException.invalid(target.name() + " already is this order's moderator");
		}
		String fromId = (order.moderatorId() != null) ? order.moderatorId() : caller.userId();
		String fromName = (order.moderatorName() != null) ? order.moderatorName() : caller.name();
		Transfer transfer = new Transfer(UUID.randomUUID(), order.id(), order.conversationId(), fromId, fromName,
				target.id(), target.name(), TransferStatus.PENDING, Timestamps.now(this.clock), null);
		if (this.transfers.pendingFor(order.id()).isPresent()) {
			throw new DomainException(ErrorCode.CONFLICT, "A transfer of this chat is already pending");
		}
		try {
			this.transfers.insert(transfer);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(ErrorCode.CONFLICT, "A transfer of this chat is already pending");
		}
		this.conversations.postSystemMessage(order.conversationId(),
				"Chat is being transferred from " + fromName + " to " + target.name(),
				transferMetadata("transfer.initiated", transfer));
		this.audit.record(caller, "transfer.initiated", order.conversationId().toString(), order.id().toString(),
				Map.of("toModeratorId", target.id(), "transferId", transfer.id().toString()));
		this.events.publishEvent(new TransferInitiated(transfer));
		return transfer;
	}

	/**
	 * The target moderator accepts the pending transfer and becomes the order's
	 * moderator; nobody else may.
	 */
	@Transactional
	public Transfer acceptTransfer(Caller caller, String orderRef) {
		Order order = order(orderRef);
		Transfer accepted = pending(order).accept(caller, Timestamps.now(this.clock));
		this.transfers.decide(accepted);
		this.orders.changeModerator(caller, order.id().toString(), new Party(caller.userId(), caller.name()));
		this.audit.record(caller, "transfer.accepted", order.conversationId().toString(), order.id().toString(),
				Map.of("fromModeratorId", accepted.fromId(), "transferId", accepted.id().toString()));
		this.events.publishEvent(new ModeratorChanged(accepted));
		return accepted;
	}

	/** The target moderator declines the pending transfer; nobody else may. */
	@Transactional
	public Transfer declineTransfer(Caller caller, String orderRef) {
		Order order = order(orderRef);
		Transfer declined = pending(order).decline(caller, Timestamps.now(this.clock));
		this.transfers.decide(declined);
		this.conversations.postSystemMessage(order.conversationId(),
				declined.toName() + " declined the transfer; " + declined.fromName() + " stays the moderator",
				transferMetadata("transfer.declined", declined));
		this.audit.record(caller, "transfer.declined", order.conversationId().toString(), order.id().toString(),
				Map.of("fromModeratorId", declined.fromId(), "transferId", declined.id().toString()));
		this.events.publishEvent(new TransferDeclined(declined));
		return declined;
	}

	/** The order's pending transfer, if any (staff only). */
	@Transactional(readOnly = true)
	public Optional<Transfer> pendingTransfer(Caller caller, String orderRef) {
		requireModerator(caller, "see transfers");
		return this.transfers.pendingFor(order(orderRef).id());
	}

	/**
	 * The order's moderator (or an admin) removes every message of its chat and the files
	 * they stored; refused with {@code LEGAL_HOLD} while a dispute on the order is open.
	 * Counts removed image messages as deleted images.
	 */
	@Transactional
	public CleanReport clean(Caller caller, String orderRef) {
		requireModerator(caller, "clean chat history");
		Order order = order(orderRef);
		if (caller.is(Role.MODERATOR) && !order.isModerator(caller.userId())) {
			throw DomainException.forbidden("Only the order's moderator can clean its chat history");
		}
		if (this.disputes.holds(order)) {
			throw new DomainException(ErrorCode.LEGAL_HOLD,
					"A dispute on this order is open; its chat history must be kept until the dispute is decided");
		}
		ConversationCleaned cleaned = this.conversations.clean(order.conversationId(), caller.userId(), caller.name(),
				"Chat history cleaned by " + caller.name());
		this.audit.record(caller, "conversation.cleaned", order.conversationId().toString(), order.id().toString(),
				cleaned.messagesRemoved(), cleaned.imagesRemoved(), Map.of());
		return new CleanReport(order.conversationId(), order.id().toString(), cleaned.messagesRemoved(),
				cleaned.imagesRemoved(), new CleanReport.Actor(caller.userId(), caller.name()));
	}

	/**
	 * A staff-only note in any conversation the staff member may access; never shown to
	 * customers or performers.
	 */
	@Transactional
	public Message addNote(Caller caller, String conversationId, String content) {
		ConversationId id = ConversationId.parse(conversationId);
		Message note = this.messaging.addNote(caller, id, content);
		this.audit.record(caller, "note.added", id.toString(),
				this.conversations.find(id).map(Conversation::subjectId).orElse(null),
				Map.of("messageId", note.id().toString()));
		return note;
	}

	/**
	 * The order an id, external id or order-conversation id names ({@code NOT_FOUND}
	 * otherwise).
	 */
	@Transactional(readOnly = true)
	public Order order(String ref) {
		Optional<Order> direct = this.orders.find(ref);
		if (direct.isPresent()) {
			return direct.get();
		}
		Conversation conversation = this.conversations.find(ConversationId.parse(ref))
			.filter((c) -> c.kind() == ConversationKind.ORDER)
			.orElseThrow(() -> DomainException.notFound("No order or order chat '" + ref + "'"));
		return this.orders.resolve(conversation.subjectId());
	}

	private Transfer pending(Order order) {
		return this.transfers.pendingFor(order.id())
			.orElseThrow(
					() -> new DomainException(ErrorCode.ILLEGAL_TRANSITION, "No transfer of this chat is pending"));
	}

	private static Map<String, Object> transferMetadata(String event, Transfer transfer) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("event", event);
		metadata.put("transferId", transfer.id().toString());
		metadata.put("orderId", transfer.orderId().toString());
		metadata.put("fromModeratorId", transfer.fromId());
		metadata.put("toModeratorId", transfer.toId());
		return metadata;
	}

	private static void requireModerator(Caller caller, String what) {
		if (!caller.is(Role.MODERATOR) && !caller.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only moderators can " + what);
		}
	}

}
