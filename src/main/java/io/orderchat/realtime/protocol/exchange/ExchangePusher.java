package io.orderchat.realtime.protocol.exchange;

import java.math.BigDecimal;

import io.orderchat.orders.Order;
import io.orderchat.orders.OrderJson;
import io.orderchat.pusher.PusherServer;
import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.ChatEvent.OrderStatusChanged;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.events.StaffEvent.OrderQueued;
import io.orderchat.realtime.pipeline.LocalDelivery;

/**
 * Seed 000's Pusher events (DIALECTS.md §1.4), rendered on the receiving side like the
 * socket vocabularies, for this node's Pusher subscribers: {@code new-order-chat} on
 * {@code moderator-channel} for every new order, {@code status-updated} on
 * {@code order-<orderId>} for every status change, whichever API made it. Each also goes
 * to the private twin ({@code private-moderator-channel},
 * {@code private-order-<orderId>}) for deployments that turn public channels off.
 */
final class ExchangePusher implements LocalDelivery {

	static final String MODERATOR_CHANNEL = "moderator-channel";

	static final String NEW_ORDER_CHAT = "new-order-chat";

	static final String STATUS_UPDATED = "status-updated";

	private final PusherServer pusher;

	ExchangePusher(PusherServer pusher) {
		this.pusher = pusher;
	}

	@Override
	public void deliver(Delivery delivery) {
		switch (delivery.event()) {
			case OrderQueued queued -> trigger(MODERATOR_CHANNEL, NEW_ORDER_CHAT, newOrderChat(queued.order()));
			// a status change is published to the conversation and to its parties outside
			// it:
			// the channel hears it once
			case OrderStatusChanged changed when toConversation(delivery.audience()) -> trigger(
					"order-" + changed.orderId(), STATUS_UPDATED,
					new StatusUpdated(changed.to().wire(), changed.from().wire(), changed.byUserId(), changed.notes()));
			default -> {
				// Pusher's channels carry nothing else
			}
		}
	}

	private static boolean toConversation(Audience audience) {
		return audience.to().stream().anyMatch(Audience.Conversation.class::isInstance);
	}

	private static NewOrderChat newOrderChat(Order order) {
		OrderJson json = OrderJson.of(order);
		return new NewOrderChat(order.conversationId().toString(), json.id(),
				new Person(order.customerId(), order.customerName()),
				new OrderDetails(order.exchangeMethod(), json.amount(), null), json);
	}

	private void trigger(String channel, String name, Object data) {
		this.pusher.trigger(channel, name, data);
		this.pusher.trigger("private-" + channel, name, data);
	}

	/**
	 * {@code order} is the REST order object; {@code rate} is the original's exchange
	 * rate, which OrderChat does not keep (always {@code null}).
	 */
	record NewOrderChat(String roomId, String orderId, Person creator, OrderDetails orderDetails, OrderJson order) {
	}

	record Person(String id, String name) {
	}

	record OrderDetails(String method, BigDecimal amount, BigDecimal rate) {
	}

	record StatusUpdated(String status, String previousStatus, String updatedBy, String notes) {
	}

}
