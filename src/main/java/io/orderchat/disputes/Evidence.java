package io.orderchat.disputes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dispute_evidence table: which messages a dispute cites. */
@Repository
class Evidence {

	private final JdbcClient jdbc;

	Evidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Cites the message; answers false when the dispute already cited it. */
	boolean cite(UUID disputeId, UUID messageId, String byUserId, String note, Instant at) {
		boolean cited = this.jdbc.sql("SELECT COUNT(*) FROM dispute_evidence WHERE dispute_id = ? AND message_id = ?")
			.params(disputeId, messageId)
			.query(Long.class)
			.single() > 0;
		if (cited) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO dispute_evidence (dispute_id, message_id, cited_by, note, cited_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(disputeId, messageId, byUserId, note, Timestamps.column(at))
			.update();
		return true;
	}

	List<UUID> of(UUID disputeId) {
		return this.jdbc
			.sql("SELECT message_id FROM dispute_evidence WHERE dispute_id = ? ORDER BY cited_at, message_id")
			.param(disputeId)
			.query(UUID.class)
			.list();
	}

}
