package io.orderchat.realtime.protocol.exchange;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.realtime.events.Subject;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.shared.DomainException;

/**
 * Seed 000's rooms: an order's chat, named by its {@code roomId} (the conversation id),
 * and who may chat there (DIALECTS.md §1): the order's owner, its current moderator and
 * admins — not its performer, whom the exchange app does not know.
 */
final class ExchangeRooms {

	private final RealtimeConversations conversations;

	private final OrderManagement orders;

	ExchangeRooms(RealtimeConversations conversations, OrderManagement orders) {
		this.conversations = conversations;
		this.orders = orders;
	}

	/** An order's room. */
	record Room(ConversationId id, Order order) {

		/**
		 * Whether {@code orderId} (OrderChat's id or the host's) names this room's order.
		 */
		boolean isOf(String orderId) {
			String ref = orderId.strip();
			return ref.equals(this.order.id().toString()) || ref.equals(this.order.externalId());
		}

	}

	/**
	 * The room the payload's {@code roomId} names ({@code VALIDATION_FAILED} without one,
	 * {@code NOT_FOUND} when it is no order's chat).
	 */
	Room room(Payload payload) {
		ConversationId id = ConversationId.parse(payload.id("roomId"));
		return new Room(id, this.orders.resolve(orderIdOf(id)));
	}

	/** The id of the order whose chat the room is. */
	String orderIdOf(ConversationId id) {
		return this.conversations.subjectOf(id)
			.filter((subject) -> subject.kind() == ConversationKind.ORDER)
			.map(Subject::subjectId)
			.orElseThrow(() -> DomainException.notFound("No order chat room '" + id + "'"));
	}

	static void requireMayChat(Caller caller, Order order) {
		if (!order.isCustomer(caller.userId()) && !isCurrentModerator(caller, order)) {
			throw DomainException.forbidden(caller.is(Role.MODERATOR)
					? "Only the order's current moderator can use its chat; accept the order first"
					: "Only the order's owner, its moderator or an admin can use its chat");
		}
	}

	/** The order's current moderator, or an admin. */
	static boolean isCurrentModerator(Caller caller, Order order) {
		return caller.is(Role.ADMIN) || (caller.is(Role.MODERATOR) && order.isModerator(caller.userId()));
	}

}
