package io.orderchat.realtime.gateway;

import java.math.BigDecimal;

import io.orderchat.orders.Order;
import io.orderchat.orders.OrderCreated;
import io.orderchat.orders.OrderJson;
import io.orderchat.orders.OrderStatusChanged;
import io.orderchat.pusher.PusherServer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Seed 000's Pusher events (DIALECTS.md §1.4), after commit: {@code new-order-chat} on
 * {@code moderator-channel} for every new order, {@code status-updated} on
 * {@code order-<orderId>} for every status change, whichever API made it. Each also goes
 * to the private twin ({@code private-moderator-channel},
 * {@code private-order-<orderId>}) for deployments that turn public channels off.
 * Temporary: to be folded into the realtime pipeline.
 */
@Component
class PusherTriggers {

	private final PusherServer pusher;

	PusherTriggers(PusherServer pusher) {
		this.pusher = pusher;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OrderCreated event) {
		Order order = event.order();
		OrderJson json = OrderJson.of(order);
		NewOrderChat data = new NewOrderChat(event.conversationId().toString(), json.id(),
				new Person(order.customerId(), order.customerName()),
				new OrderDetails(order.exchangeMethod(), json.amount(), null), json);
		trigger("moderator-channel", "new-order-chat", data);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OrderStatusChanged event) {
		trigger("order-" + event.orderId(), "status-updated",
				new StatusUpdated(event.to().wire(), event.from().wire(), event.byUserId(), event.notes()));
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
