package io.orderchat.archive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which conversations may be archived: ones with hot messages whose subject is finished —
 * an order completed, cancelled or rejected; a dispute resolved or rejected; a support
 * session closed — and that neither the conversation nor its subject changed since the
 * cutoff. Legal hold: an order with an open dispute (open or in review) is never
 * archived, however old; nor is a dispute that is not decided.
 */
@Component
class ArchivingPolicy {

	private static final String ARCHIVABLE = "c.updated_at < :cutoff "
			+ "AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id) AND ("
			+ "(c.kind = 'order' AND EXISTS (SELECT 1 FROM orders o WHERE o.conversation_id = c.id "
			+ "AND o.status IN ('completed', 'cancelled', 'rejected') AND o.updated_at < :cutoff "
			+ "AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.order_id = o.id AND d.status IN ('open', 'in_review')))) "
			+ "OR (c.kind = 'dispute' AND EXISTS (SELECT 1 FROM disputes d WHERE d.conversation_id = c.id "
			+ "AND d.status IN ('resolved', 'rejected') AND d.updated_at < :cutoff)) "
			+ "OR (c.kind = 'support' AND EXISTS (SELECT 1 FROM support_sessions s WHERE s.conversation_id = c.id "
			+ "AND s.status = 'closed' AND s.updated_at < :cutoff)))";

	private final JdbcClient jdbc;

	ArchivingPolicy(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} archivable conversations, the longest unchanged first. */
	List<UUID> candidates(Instant cutoff, int limit) {
		return this.jdbc
			.sql("SELECT c.id FROM conversations c WHERE " + ARCHIVABLE + " ORDER BY c.updated_at, c.id LIMIT :limit")
			.param("cutoff", Timestamps.column(cutoff))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Whether the conversation is still archivable: asked again under its lock, as a
	 * message, a reopened order or a new dispute may have come since it was a candidate.
	 */
	boolean allows(UUID conversation, Instant cutoff) {
		return this.jdbc.sql("SELECT COUNT(*) FROM conversations c WHERE c.id = :id AND " + ARCHIVABLE)
			.param("id", conversation)
			.param("cutoff", Timestamps.column(cutoff))
			.query(Long.class)
			.single() > 0;
	}

}
