package io.orderchat.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Participants with messages from others they have not read for a while, and the
 * webhook_unread_notices table that remembers up to which seq each was told.
 */
@Repository
class UnreadNotices {

	/**
	 * One participant's unread messages in one conversation, newer than the last notice.
	 */
	record Waiting(UUID conversationId, String userId, String kind, String subjectId, long lastSeq, long unread,
			Instant oldestUnreadAt) {
	}

	private final JdbcClient jdbc;

	UnreadNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Participants whose oldest unread message from someone else (not deleted, not a
	 * staff note, not a system message, newer than their last notice) is older than
	 * {@code cutoff}; only conversations active since {@code activeSince} are looked at.
	 */
	List<Waiting> waiting(Instant cutoff, Instant activeSince, int limit) {
		return this.jdbc
			.sql("SELECT p.conversation_id, p.user_id, c.kind, c.subject_id, c.last_seq, COUNT(m.id) AS unread, "
					+ "MIN(m.created_at) AS oldest FROM conversations c "
					+ "JOIN participants p ON p.conversation_id = c.id AND p.left_at IS NULL AND p.read_seq < c.last_seq "
					+ "LEFT JOIN webhook_unread_notices n ON n.conversation_id = p.conversation_id AND n.user_id = p.user_id "
					+ "JOIN messages m ON m.conversation_id = p.conversation_id AND m.seq > p.read_seq "
					+ "AND m.seq > COALESCE(n.notified_seq, 0) AND m.deleted_at IS NULL AND m.visibility = 'all' "
					+ "AND m.type <> 'system' AND m.sender_id <> p.user_id "
					+ "WHERE c.updated_at >= ? GROUP BY p.conversation_id, p.user_id, c.kind, c.subject_id, c.last_seq "
					+ "HAVING MIN(m.created_at) <= ? ORDER BY MIN(m.created_at) LIMIT ?")
			.params(Timestamps.column(activeSince), Timestamps.column(cutoff), limit)
			.query((rs, row) -> new Waiting(rs.getObject("conversation_id", UUID.class), rs.getString("user_id"),
					rs.getString("kind"), rs.getString("subject_id"), rs.getLong("last_seq"), rs.getLong("unread"),
					Timestamps.read(rs, "oldest")))
			.list();
	}

	/**
	 * Records that the participant was told up to {@code seq}; {@code false} when a
	 * notice up to it exists already (another node was first).
	 */
	boolean markNotified(UUID conversationId, String userId, long seq, Instant now) {
		int moved = this.jdbc
			.sql("UPDATE webhook_unread_notices SET notified_seq = ?, notified_at = ? "
					+ "WHERE conversation_id = ? AND user_id = ? AND notified_seq < ?")
			.params(seq, Timestamps.column(now), conversationId, userId, seq)
			.update();
		if (moved > 0) {
			return true;
		}
		// no row yet, or one at seq already: a concurrent insert fails on the key and
		// rolls its notice back
		return this.jdbc
			.sql("INSERT INTO webhook_unread_notices (conversation_id, user_id, notified_seq, notified_at) "
					+ "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM webhook_unread_notices "
					+ "WHERE conversation_id = ? AND user_id = ?)")
			.params(conversationId, userId, seq, Timestamps.column(now), conversationId, userId)
			.update() > 0;
	}

}
