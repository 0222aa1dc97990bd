package io.orderchat.archive;

import java.time.Instant;
import java.util.UUID;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages_archive table: where a conversation's messages are moved to. */
@Repository
class MessageArchive {

	private static final String COLUMNS = "id, conversation_id, seq, sender_id, sender_name, sender_role, type, "
			+ "content, metadata, client_id, created_at, deleted_at, visibility, reply_to_seq, reactions";

	private final JdbcClient jdbc;

	MessageArchive(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the conversation's row as a sender does to take the next seq, so no message
	 * is appended while its messages move.
	 */
	void lock(UUID conversation) {
		this.jdbc.sql("SELECT id FROM conversations WHERE id = ? FOR UPDATE")
			.param(conversation)
			.query(UUID.class)
			.list();
	}

	/**
	 * Moves every hot message of the conversation; the caller's transaction makes it all
	 * or nothing.
	 */
	int move(UUID conversation, Instant at) {
		int copied = this.jdbc
			.sql("INSERT INTO messages_archive (" + COLUMNS + ") SELECT " + COLUMNS
					+ " FROM messages WHERE conversation_id = ?")
			.param(conversation)
			.update();
		int deleted = this.jdbc.sql("DELETE FROM messages WHERE conversation_id = ?").param(conversation).update();
		if (deleted != copied) {
			throw new IllegalStateException(
					"copied " + copied + " but deleted " + deleted + " messages of conversation " + conversation);
		}
		this.jdbc.sql("UPDATE conversations SET archived_at = ? WHERE id = ?")
			.params(Timestamps.column(at), conversation)
			.update();
		return copied;
	}

}
