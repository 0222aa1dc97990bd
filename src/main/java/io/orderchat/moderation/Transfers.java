package io.orderchat.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.orders.OrderId;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The moderator_transfers table. */
@Repository
class Transfers {

	private static final String COLUMNS = "id, order_id, conversation_id, from_id, from_name, to_id, to_name, status, "
			+ "created_at, decided_at";

	private final JdbcClient jdbc;

	Transfers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a pending transfer; a second pending one for the same order violates
	 * {@code uq_transfers_pending_order} ({@code DuplicateKeyException}).
	 */
	void insert(Transfer transfer) {
		this.jdbc
			.sql("INSERT INTO moderator_transfers (" + COLUMNS + ", pending_order_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(transfer.id(), transfer.orderId().value(), transfer.conversationId().value(), transfer.fromId(),
					transfer.fromName(), transfer.toId(), transfer.toName(), transfer.status().wire(),
					Timestamps.column(transfer.createdAt()), Timestamps.column(transfer.decidedAt()),
					transfer.orderId().value())
			.update();
	}

	Optional<Transfer> pendingFor(OrderId orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM moderator_transfers WHERE pending_order_id = ?")
			.param(orderId.value())
			.query(Transfers::map)
			.optional();
	}

	/**
	 * Records the decision, only if the transfer is still pending: of two racing
	 * decisions one writes, the other gets {@code CONFLICT}.
	 */
	void decide(Transfer transfer) {
		int updated = this.jdbc
			.sql("UPDATE moderator_transfers SET status = ?, decided_at = ?, pending_order_id = NULL "
					+ "WHERE id = ? AND status = 'pending'")
			.params(transfer.status().wire(), Timestamps.column(transfer.decidedAt()), transfer.id())
			.update();
		if (updated == 0) {
			throw new DomainException(ErrorCode.CONFLICT, "The transfer was decided concurrently");
		}
	}

	static Transfer map(ResultSet rs, int row) throws SQLException {
		return new Transfer(rs.getObject("id", UUID.class), new OrderId(rs.getObject("order_id", UUID.class)),
				new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getString("from_id"),
				rs.getString("from_name"), rs.getString("to_id"), rs.getString("to_name"),
				TransferStatus.fromWire(rs.getString("status")), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "decided_at"));
	}

}
