package io.orderchat.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders table. */
@Repository
class Orders {

	/** Most orders one list returns, newest first. */
	static final int LIST_LIMIT = 500;

	private static final String COLUMNS = "id, external_id, conversation_id, customer_id, customer_name, performer_id, "
			+ "performer_name, moderator_id, moderator_name, status, status_name, exchange_method, amount, title, notes, "
			+ "created_at, updated_at, version";

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Order order) {
		this.jdbc.sql("INSERT INTO orders (" + COLUMNS + ") VALUES (:id, :externalId, :conversationId, :customerId, "
				+ ":customerName, :performerId, :performerName, :moderatorId, :moderatorName, :status, :statusName, :exchangeMethod, "
				+ ":amount, :title, :notes, :createdAt, :updatedAt, :version)")
			.param("id", order.id().value())
			.param("externalId", order.externalId())
			.param("conversationId", order.conversationId().value())
			.param("customerId", order.customerId())
			.param("customerName", order.customerName())
			.param("performerId", order.performerId())
			.param("performerName", order.performerName())
			.param("moderatorId", order.moderatorId())
			.param("moderatorName", order.moderatorName())
			.param("status", order.status().wire())
			.param("statusName", hostName(order))
			.param("exchangeMethod", order.exchangeMethod())
			.param("amount", order.amount())
			.param("title", order.title())
			.param("notes", order.notes())
			.param("createdAt", Timestamps.column(order.createdAt()))
			.param("updatedAt", Timestamps.column(order.updatedAt()))
			.param("version", order.version())
			.update();
	}

	/**
	 * Stores a changed order whose version is one past the stored one; refuses a lost
	 * update.
	 */
	void update(Order order) {
		int updated = this.jdbc
			.sql("UPDATE orders SET performer_id = ?, performer_name = ?, moderator_id = ?, moderator_name = ?, "
					+ "status = ?, status_name = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?")
			.params(order.performerId(), order.performerName(), order.moderatorId(), order.moderatorName(),
					order.status().wire(), hostName(order), Timestamps.column(order.updatedAt()), order.version(),
					order.id().value(), order.version() - 1)
			.update();
		if (updated == 0) {
			throw new DomainException(ErrorCode.CONFLICT, "The order was changed concurrently; try again");
		}
	}

	Optional<Order> find(OrderId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?")
			.param(id.value())
			.query(Orders::map)
			.optional();
	}

	/** Reads the order and locks its row until the transaction ends. */
	Optional<Order> lock(OrderId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE")
			.param(id.value())
			.query(Orders::map)
			.optional();
	}

	Optional<Order> findByExternalId(String externalId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE external_id = ?")
			.param(externalId)
			.query(Orders::map)
			.optional();
	}

	/**
	 * Orders the user is customer, performer or moderator of, optionally in one status.
	 */
	List<Order> of(String userId, OrderStatus status) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM orders WHERE (customer_id = :user OR performer_id = :user OR "
					+ "moderator_id = :user) AND (:status IS NULL OR status = :status) "
					+ "ORDER BY created_at DESC, id LIMIT " + LIST_LIMIT)
			.param("user", userId)
			.param("status", (status != null) ? status.wire() : null, java.sql.Types.VARCHAR)
			.query(Orders::map)
			.list();
	}

	List<Order> all(OrderStatus status) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM orders WHERE (:status IS NULL OR status = :status) "
					+ "ORDER BY created_at DESC, id LIMIT " + LIST_LIMIT)
			.param("status", (status != null) ? status.wire() : null, java.sql.Types.VARCHAR)
			.query(Orders::map)
			.list();
	}

	/** The host's name of the status, NULL when it is OrderChat's own. */
	private static String hostName(Order order) {
		return order.statusName().equals(order.status().wire()) ? null : order.statusName();
	}

	static Order map(ResultSet rs, int row) throws SQLException {
		return new Order(new OrderId(rs.getObject("id", UUID.class)), rs.getString("external_id"),
				new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getString("customer_id"),
				rs.getString("customer_name"), rs.getString("performer_id"), rs.getString("performer_name"),
				rs.getString("moderator_id"), rs.getString("moderator_name"),
				OrderStatus.parse(rs.getString("status")).orElseThrow(), rs.getString("status_name"),
				rs.getString("exchange_method"), rs.getBigDecimal("amount"), rs.getString("title"),
				rs.getString("notes"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"),
				rs.getLong("version"));
	}

}
