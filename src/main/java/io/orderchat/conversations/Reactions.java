package io.orderchat.conversations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The message_reactions table: one row per message, user and emoji. Callers hold the
 * message's row lock ({@link Messages#lockBySeq}), so a look before a write does not
 * race.
 */
@Repository
class Reactions {

	private final JdbcClient jdbc;

	Reactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the reaction is new (adding one that is there changes nothing). */
	boolean add(UUID messageId, String userId, String emoji, Instant at) {
		boolean there = this.jdbc
			.sql("SELECT COUNT(*) FROM message_reactions WHERE message_id = ? AND user_id = ? AND emoji = ?")
			.params(messageId, userId, emoji)
			.query(Integer.class)
			.single() > 0;
		if (there) {
			return false;
		}
		this.jdbc.sql("INSERT INTO message_reactions (message_id, user_id, emoji, created_at) VALUES (?, ?, ?, ?)")
			.params(messageId, userId, emoji, Timestamps.column(at))
			.update();
		return true;
	}

	/** Whether there was such a reaction to remove. */
	boolean remove(UUID messageId, String userId, String emoji) {
		return this.jdbc.sql("DELETE FROM message_reactions WHERE message_id = ? AND user_id = ? AND emoji = ?")
			.params(messageId, userId, emoji)
			.update() > 0;
	}

	/**
	 * A message's reactions per emoji, the emoji and the users in the order they came.
	 */
	List<Reaction> of(UUID messageId) {
		Map<String, List<String>> byEmoji = new LinkedHashMap<>();
		this.jdbc.sql("SELECT emoji, user_id FROM message_reactions WHERE message_id = ? ORDER BY created_at, user_id")
			.param(messageId)
			.query((rs, row) -> byEmoji.computeIfAbsent(rs.getString(1), (emoji) -> new ArrayList<>())
				.add(rs.getString(2)))
			.list();
		return byEmoji.entrySet().stream().map((entry) -> new Reaction(entry.getKey(), entry.getValue())).toList();
	}

}
