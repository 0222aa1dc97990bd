package io.orderchat.orders;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.conversations.ConversationId;

/**
 * An order as REST shows it: OrderChat's fields, and seed 000's names for the same
 * (DIALECTS.md §1.1): the id also as Mongo-style {@code _id}, the owner as {@code user},
 * the moderator's id as {@code moderator}, the conversation as {@code chatRoomId};
 * {@code statusName} is the status as the host app last named it (DIALECTS.md §0.7),
 * {@code status} OrderChat's name of it.
 */
public record OrderJson(@JsonProperty("_id") String mongoId, String id, String externalId, OrderStatus status,
		String statusName, String customerId, String customerName, String performerId, String performerName,
		String moderatorId, String moderatorName, String exchangeMethod, BigDecimal amount, String title, String notes,
		ConversationId conversationId, Instant createdAt, Instant updatedAt, String user, String moderator,
		ConversationId chatRoomId) {

	public static OrderJson of(Order order) {
		String id = order.id().toString();
		BigDecimal amount = (order.amount() != null)
				? new BigDecimal(order.amount().stripTrailingZeros().toPlainString()) : null;
		return new OrderJson(id, id, order.externalId(), order.status(), order.statusName(), order.customerId(),
				order.customerName(), order.performerId(), order.performerName(), order.moderatorId(),
				order.moderatorName(), order.exchangeMethod(), amount, order.title(), order.notes(),
				order.conversationId(), order.createdAt(), order.updatedAt(), order.customerId(), order.moderatorId(),
				order.conversationId());
	}

}
