package io.orderchat.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.conversations.Member;
import io.orderchat.conversations.Membership;
import io.orderchat.conversations.MembershipPolicy;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.ratelimit.Limit;
import io.orderchat.ratelimit.RateLimits;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders module's entry point. Every order gets its conversation in the transaction
 * that creates it; every status change posts a system message there in the same
 * transaction and publishes {@link OrderStatusChanged}. Orders are addressed by id or by
 * the host app's external id wherever a string names one.
 */
@Service
public class OrderManagement {

	private static final int MAX_TEXT = 200;

	private static final int MAX_NOTES = 2000;

	private final Orders orders;

	private final ConversationManagement conversations;

	private final Membership membership;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final RateLimits limits;

	private final Clock clock;

	private final OrderStatusNames statusNames;

	OrderManagement(Orders orders, ConversationManagement conversations, Membership membership,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, RateLimits limits,
			Clock clock, OrderStatusNames statusNames) {
		this.statusNames = statusNames;
		this.orders = orders;
		this.conversations = conversations;
		this.membership = membership;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Places a pending order with the caller as its customer (seed 000's
	 * {@code POST /api/orders}). A customer may place
	 * {@code orderchat.limits.orders-per-minute} (each one reaches every moderator); the
	 * host app's registrations are not limited.
	 */
	@Transactional
	public Order create(Caller customer, NewOrder request) {
		this.limits.spend(Limit.ORDERS, customer.userId());
		String method = required(request.exchangeMethod(), "exchangeMethod");
		BigDecimal amount = request.amount();
		if (amount == null || amount.signum() <= 0) {
			throw DomainException.invalid("Field 'amount' must be a number greater than 0");
		}
		String notes = Inputs.optionalText(request.notes(), "notes", MAX_NOTES);
		return place(null, new Party(customer.userId(), customer.name()), null, method, amount, null, notes);
	}

	/**
	 * Registers an order of the host app, server to server (staff or a service token with
	 * role admin), with its customer and performer as participants of its conversation.
	 * Idempotent on {@code externalId}: a second registration answers the stored order
	 * with {@code created = false}, also when both race.
	 */
	public Registration registerExternal(Caller service, ExternalOrder request) {
		// Registering names who is in the order's chat: the membership rule applies, so a
		// support agent cannot register an order with themselves in it.
		if (!MembershipPolicy.mayChange(service, ConversationKind.ORDER)) {
			throw DomainException
				.forbidden("Only moderators, admins or a service token (role admin) can register orders");
		}
		String externalId = required(request.externalId(), "externalId");
		Party customer = party(request.customer(), "customer");
		Party performer = (request.performer() != null) ? party(request.performer(), "performer") : null;
		String title = Inputs.optionalText(request.title(), "title", 300);
		if (request.amount() != null && request.amount().signum() < 0) {
			throw DomainException.invalid("Field 'amount' must not be negative");
		}
		Optional<Order> known = this.orders.findByExternalId(externalId);
		if (known.isPresent()) {
			return new Registration(known.get(), false);
		}
		try {
			Order order = this.transactions
				.execute((tx) -> place(externalId, customer, performer, null, request.amount(), title, null));
			return new Registration(order, true);
		}
		catch (DuplicateKeyException ex) {
			return new Registration(this.orders.findByExternalId(externalId).orElseThrow(() -> ex), false);
		}
	}

	/**
	 * The orders the caller is customer, performer or moderator of; {@code status}
	 * optional.
	 */
	@Transactional(readOnly = true)
	public List<Order> mine(Caller caller, OrderStatus status) {
		return this.orders.of(caller.userId(), status);
	}

	/**
	 * Every order, for moderators and admins (DIALECTS.md §1.1; support agents work on
	 * support sessions); {@code status} optional.
	 */
	@Transactional(readOnly = true)
	public List<Order> all(Caller caller, OrderStatus status) {
		if (!caller.is(Role.MODERATOR) && !caller.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only moderators and admins can list all orders");
		}
		return this.orders.all(status);
	}

	/** The order, if the caller may see it. */
	@Transactional(readOnly = true)
	public Order get(Caller caller, String idOrExternalId) {
		Order order = resolve(idOrExternalId);
		if (!order.visibleTo(caller)) {
			throw DomainException.forbidden("You are not a party to this order");
		}
		return order;
	}

	/** The order an id or external id names, unchecked; {@code NOT_FOUND} when none. */
	@Transactional(readOnly = true)
	public Order resolve(String idOrExternalId) {
		return find(idOrExternalId).orElseThrow(() -> DomainException.notFound("No order '" + idOrExternalId + "'"));
	}

	@Transactional(readOnly = true)
	public Optional<Order> find(String idOrExternalId) {
		if (idOrExternalId == null || idOrExternalId.isBlank()) {
			return Optional.empty();
		}
		String key = idOrExternalId.strip();
		return OrderId.parse(key).flatMap(this.orders::find).or(() -> this.orders.findByExternalId(key));
	}

	/**
	 * Moves the order along its status machine on behalf of the caller (see
	 * {@link Order}), posts the system message and publishes {@link OrderStatusChanged}.
	 * A moderator who accepts an order becomes its moderator and joins its conversation.
	 */
	@Transactional
	public Order changeStatus(Caller caller, String idOrExternalId, OrderStatus to, String notes) {
		if (to == null) {
			throw DomainException.invalid("Field 'status' is required");
		}
		return change(caller, idOrExternalId, to, to.wire(), notes, caller.userId());
	}

	/**
	 * The host API's status change (DIALECTS.md §0.7): {@code statusName} is OrderChat's
	 * name or a host app's alias of it ({@link OrderStatusNames}; unknown →
	 * {@code VALIDATION_FAILED}), and is what {@link OrderStatusChanged} carries.
	 * {@code updatedBy}, when given, is the user the host says made the change; only an
	 * admin (the host's service token) may name someone other than itself. A host name of
	 * the status the order is already in ({@code accepted} → {@code in_transit}, both
	 * processing) changes no status but is posted and published like a change, by whoever
	 * could have moved the order there.
	 */
	@Transactional
	public Order changeStatus(Caller caller, String idOrExternalId, String statusName, String notes, String updatedBy) {
		var status = this.statusNames.resolve(statusName);
		String by = Inputs.optionalText(updatedBy, "updatedBy", MAX_TEXT);
		if (by != null && !by.equals(caller.userId()) && !caller.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only an admin (the host app's service token) can name another user");
		}
		return change(caller, idOrExternalId, status.status(), status.name(), notes,
				(by != null) ? by : caller.userId());
	}

	private Order change(Caller caller, String idOrExternalId, OrderStatus to, String statusName, String notes,
			String byUserId) {
		String statusNotes = Inputs.optionalText(notes, "notes", MAX_NOTES);
		Order current = lock(idOrExternalId);
		Instant now = Timestamps.now(this.clock);
		Order changed;
		if (to == current.status() && !statusName.equalsIgnoreCase(to.wire())) {
			// another of the host's names for the status the order is in: its lifecycle
			// stays, the clients hear (and later read) the host's new name
			changed = current.renameStatus(statusName, caller, now);
		}
		else {
			changed = current.changeStatus(to, statusName, caller, now);
		}
		this.orders.update(changed);
		if (current.moderatorId() == null && changed.moderatorId() != null) {
			this.membership.addParticipant(caller, changed.conversationId(),
					new Member(caller.userId(), caller.name(), caller.role()),
					caller.name() + " joined the chat as moderator");
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("event", "order.status");
		metadata.put("orderId", changed.id().toString());
		metadata.put("from", current.status().wire());
		metadata.put("to", to.wire());
		metadata.put("statusName", statusName);
		metadata.put("by", byUserId);
		metadata.put("notes", statusNotes);
		this.conversations.postSystemMessage(changed.conversationId(), statusText(current.statusName(), statusName,
				byUserId.equals(caller.userId()) ? caller.name() : byUserId, statusNotes), metadata);
		this.events.publishEvent(new OrderStatusChanged(changed.id(), changed.conversationId(), current.status(), to,
				byUserId, statusNotes, now, changed, statusName));
		return changed;
	}

	/**
	 * A moderator accepts a pending order: {@code changeStatus(..., PROCESSING, null)}.
	 */
	@Transactional
	public Order accept(Caller moderator, String idOrExternalId) {
		return changeStatus(moderator, idOrExternalId, OrderStatus.PROCESSING, null);
	}

	/**
	 * Hands the order to another performer: an admin (the host app's service token) or
	 * the order's own moderator may, nobody else (see
	 * {@link Order#performerChangeableBy}). The previous performer leaves the
	 * conversation and loses access, the new one joins; both changes are posted as system
	 * messages and audited as membership changes.
	 */
	@Transactional
	public Order changePerformer(Caller caller, String idOrExternalId, Party performer) {
		Party next = party(performer, "performer");
		Order current = lock(idOrExternalId);
		if (!current.performerChangeableBy(caller)) {
			throw DomainException.forbidden(
					"Only the order's moderator or an admin (the host app's service token) can change its performer");
		}
		if (current.isPerformer(next.id())) {
			return current;
		}
		Instant now = Timestamps.now(this.clock);
		Order changed = current.withPerformer(next, now);
		this.orders.update(changed);
		if (current.performerId() != null) {
			this.membership.removeParticipant(caller, changed.conversationId(), current.performerId(),
					displayName(current.performerName(), current.performerId()) + " is no longer the performer");
		}
		this.membership.addParticipant(caller, changed.conversationId(),
				new Member(next.id(), next.name(), Role.PERFORMER),
				displayName(next.name(), next.id()) + " is now the performer");
		this.events.publishEvent(new OrderPerformerChanged(changed.id(), changed.conversationId(),
				current.performerId(), next.id(), caller.userId(), now));
		return changed;
	}

	/**
	 * Makes {@code next} the order's moderator on behalf of {@code actor} (the moderation
	 * module has checked the transfer): the previous moderator leaves the conversation
	 * and the new one joins, both posted as system messages. Joins the caller's
	 * transaction.
	 */
	@Transactional
	public Order changeModerator(Caller actor, String idOrExternalId, Party next) {
		Order current = lock(idOrExternalId);
		Instant now = Timestamps.now(this.clock);
		Order changed = current.withModerator(next, now);
		this.orders.update(changed);
		if (current.moderatorId() != null) {
			this.membership.removeParticipant(actor, changed.conversationId(), current.moderatorId(),
					displayName(current.moderatorName(), current.moderatorId()) + " left the chat");
		}
		this.membership.addParticipant(actor, changed.conversationId(),
				new Member(next.id(), next.name(), Role.MODERATOR),
				displayName(next.name(), next.id()) + " joined the chat as moderator");
		return changed;
	}

	private Order place(String externalId, Party customer, Party performer, String method, BigDecimal amount,
			String title, String notes) {
		Instant now = Timestamps.now(this.clock);
		OrderId id = OrderId.random();
		List<Member> members = (performer != null)
				? List.of(new Member(customer.id(), customer.name(), Role.CUSTOMER),
						new Member(performer.id(), performer.name(), Role.PERFORMER))
				: List.of(new Member(customer.id(), customer.name(), Role.CUSTOMER));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("event", "order.created");
		metadata.put("orderId", id.toString());
		metadata.put("status", OrderStatus.PENDING.wire());
		var conversation = this.conversations.start(ConversationKind.ORDER, id.toString(), title, members,
				"Order created", metadata);
		Order order = Order.place(id, externalId, conversation, customer, performer, method, amount, title, notes, now);
		this.orders.insert(order);
		this.events.publishEvent(new OrderCreated(order, conversation));
		return order;
	}

	private Order lock(String idOrExternalId) {
		OrderId id = find(idOrExternalId).map(Order::id)
			.orElseThrow(() -> DomainException.notFound("No order '" + idOrExternalId + "'"));
		return this.orders.lock(id).orElseThrow();
	}

	private static String statusText(String from, String to, String by, String notes) {
		String text = "Order status changed from " + from + " to " + to + " by " + by;
		return (notes != null) ? text + ": " + notes : text;
	}

	private static String displayName(String name, String id) {
		return (name != null && !name.isBlank()) ? name : id;
	}

	private static Party party(Party party, String field) {
		if (party == null) {
			throw DomainException.invalid("Field '" + field + "' is required");
		}
		String id = required(party.id(), field + ".id");
		String name = Inputs.optionalText(party.name(), field + ".name", MAX_TEXT);
		return new Party(id, (name != null) ? name : id);
	}

	private static String required(String value, String field) {
		String text = Inputs.optionalText(value, field, MAX_TEXT);
		if (text == null) {
			throw DomainException.invalid("Field '" + field + "' is required");
		}
		return text;
	}

}
