package io.orderchat.disputes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Role;
import io.orderchat.orders.OrderId;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The disputes table. */
@Repository
class Disputes {

	private static final String COLUMNS = "id, order_id, conversation_id, customer_id, performer_id, opened_by, "
			+ "opened_by_role, reason, status, status_name, moderator_id, moderator_name, resolution, created_at, updated_at";

	private final JdbcClient jdbc;

	Disputes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new dispute; a second open dispute of the same order violates
	 * {@code uq_disputes_open_order} ({@code DuplicateKeyException}).
	 */
	void insert(Dispute dispute) {
		this.jdbc.sql("INSERT INTO disputes (" + COLUMNS + ", open_order_id) VALUES (:id, :orderId, :conversationId, "
				+ ":customerId, :performerId, :openedBy, :openedByRole, :reason, :status, :statusName, :moderatorId, "
				+ ":moderatorName, :resolution, :createdAt, :updatedAt, :openOrderId)")
			.param("id", dispute.id())
			.param("orderId", dispute.orderId().value())
			.param("conversationId", dispute.conversationId().value())
			.param("customerId", dispute.customerId())
			.param("performerId", dispute.performerId())
			.param("openedBy", dispute.openedBy())
			.param("openedByRole", dispute.openedByRole().wire())
			.param("reason", dispute.reason())
			.param("status", dispute.status().wire())
			.param("statusName", hostName(dispute))
			.param("moderatorId", dispute.moderatorId())
			.param("moderatorName", dispute.moderatorName())
			.param("resolution", dispute.resolution())
			.param("createdAt", Timestamps.column(dispute.createdAt()))
			.param("updatedAt", Timestamps.column(dispute.updatedAt()))
			// at most one open dispute per order: a unique column that only an open one
			// fills
			.param("openOrderId", dispute.isOpen() ? dispute.orderId().value() : null)
			.update();
	}

	Optional<Dispute> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM disputes WHERE id = ?")
			.param(id)
			.query(Disputes::map)
			.optional();
	}

	Optional<Dispute> lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM disputes WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Disputes::map)
			.optional();
	}

	/** Writes a status change; a decided dispute frees its order for a new one. */
	void update(Dispute dispute) {
		int updated = this.jdbc.sql(
				"UPDATE disputes SET status = ?, status_name = ?, moderator_id = ?, moderator_name = ?, resolution = ?, "
						+ "updated_at = ?, open_order_id = ? WHERE id = ?")
			.params(dispute.status().wire(), hostName(dispute), dispute.moderatorId(), dispute.moderatorName(),
					dispute.resolution(), Timestamps.column(dispute.updatedAt()),
					dispute.isOpen() ? dispute.orderId().value() : null, dispute.id())
			.update();
		if (updated == 0) {
			throw new DomainException(ErrorCode.CONFLICT, "The dispute was changed concurrently; try again");
		}
	}

	/** The most disputes a list answers: the latest ones. */
	static final int LIST_LIMIT = 500;

	List<Dispute> ofOrder(OrderId orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM disputes WHERE order_id = ? ORDER BY created_at DESC, id")
			.param(orderId.value())
			.query(Disputes::map)
			.list();
	}

	boolean openForOrder(OrderId orderId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM disputes WHERE open_order_id = ?")
			.param(orderId.value())
			.query(Long.class)
			.single() > 0;
	}

	/** Disputes the user is a party or the moderator of; {@code status} optional. */
	List<Dispute> of(String userId, DisputeStatus status) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM disputes WHERE (customer_id = ? OR performer_id = ? OR moderator_id = ?) "
					+ "AND (CAST(? AS VARCHAR) IS NULL OR status = ?) ORDER BY created_at DESC, id LIMIT " + LIST_LIMIT)
			.params(userId, userId, userId, wire(status), wire(status))
			.query(Disputes::map)
			.list();
	}

	List<Dispute> all(DisputeStatus status) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM disputes WHERE (CAST(? AS VARCHAR) IS NULL OR status = ?) "
					+ "ORDER BY created_at DESC, id LIMIT " + LIST_LIMIT)
			.params(wire(status), wire(status))
			.query(Disputes::map)
			.list();
	}

	private static String wire(DisputeStatus status) {
		return (status != null) ? status.wire() : null;
	}

	/** The host's name of the status, NULL when it is OrderChat's own. */
	private static String hostName(Dispute dispute) {
		return dispute.statusName().equals(dispute.status().wire()) ? null : dispute.statusName();
	}

	static Dispute map(ResultSet rs, int row) throws SQLException {
		return new Dispute(rs.getObject("id", UUID.class), new OrderId(rs.getObject("order_id", UUID.class)),
				new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getString("customer_id"),
				rs.getString("performer_id"), rs.getString("opened_by"),
				Role.parse(rs.getString("opened_by_role")).orElseThrow(), rs.getString("reason"),
				DisputeStatus.parse(rs.getString("status")).orElseThrow(), rs.getString("status_name"),
				rs.getString("moderator_id"), rs.getString("moderator_name"), rs.getString("resolution"),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
	}

}
