package io.orderchat.realtime.protocol.dispatcher;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.orders.Order;

/**
 * An order as the dispatcher app's order list shows it ({@code orderChats[].order}): its
 * id is the one the app knows (the host's own when it registered the order under one),
 * its {@code status} the host's name of it (DIALECTS.md §0.7, {@code in_transit});
 * {@code orderChatStatus} is OrderChat's name of the same status.
 */
record DispatcherOrder(@JsonProperty("_id") String mongoId, String id, String status, String orderChatStatus,
		String customerId, String customerName, String performerId, String performerName, String title,
		Instant createdAt, Instant updatedAt) {

	static DispatcherOrder of(String clientOrderId, Order order) {
		return new DispatcherOrder(clientOrderId, clientOrderId, order.statusName(), order.status().wire(),
				order.customerId(), order.customerName(), order.performerId(), order.performerName(), order.title(),
				order.createdAt(), order.updatedAt());
	}

}
