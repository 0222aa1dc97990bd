package io.orderchat.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The participants table: membership and read horizons. */
@Repository
class Participants {

	private static final String COLUMNS = "user_id, name, role, read_seq, joined_at, left_at";

	private final JdbcClient jdbc;

	Participants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The user's row in the conversation, whether still active or not. */
	Optional<Participant> find(ConversationId id, String userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM participants WHERE conversation_id = ? AND user_id = ?")
			.params(id.value(), userId)
			.query(Participants::map)
			.optional();
	}

	/** The user's row while they take part in the conversation. */
	Optional<Participant> findActive(ConversationId id, String userId) {
		return find(id, userId).filter(Participant::active);
	}

	List<Participant> active(ConversationId id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM participants WHERE conversation_id = ? AND left_at IS NULL ORDER BY joined_at, user_id")
			.param(id.value())
			.query(Participants::map)
			.list();
	}

	/**
	 * The conversations each of the users takes part in now (index ix_participants_user);
	 * a user in none has no entry.
	 */
	Map<String, List<ConversationId>> activeConversationsOf(Collection<String> userIds) {
		Map<String, List<ConversationId>> conversations = new HashMap<>();
		if (userIds.isEmpty()) {
			return conversations;
		}
		this.jdbc.sql("SELECT user_id, conversation_id FROM participants WHERE user_id IN (:ids) AND left_at IS NULL")
			.param("ids", userIds)
			.query((RowCallbackHandler) (rs) -> conversations
				.computeIfAbsent(rs.getString(1), (user) -> new ArrayList<>())
				.add(new ConversationId(rs.getObject(2, UUID.class))));
		return conversations;
	}

	/**
	 * The other active participants of each user's order and dispute conversations, in
	 * one query; a user with none has no entry.
	 */
	Map<String, Set<String>> counterpartsOf(Collection<String> userIds) {
		Map<String, Set<String>> counterparts = new HashMap<>();
		if (userIds.isEmpty()) {
			return counterparts;
		}
		this.jdbc
			.sql("SELECT DISTINCT me.user_id, other.user_id FROM participants me "
					+ "JOIN conversations c ON c.id = me.conversation_id AND c.kind IN ('order', 'dispute') "
					+ "JOIN participants other ON other.conversation_id = me.conversation_id "
					+ "AND other.user_id <> me.user_id AND other.left_at IS NULL "
					+ "WHERE me.user_id IN (:ids) AND me.left_at IS NULL")
			.param("ids", userIds)
			.query((RowCallbackHandler) (rs) -> counterparts.computeIfAbsent(rs.getString(1), (user) -> new HashSet<>())
				.add(rs.getString(2)));
		return counterparts;
	}

	List<String> activeUserIds(ConversationId id) {
		return this.jdbc
			.sql("SELECT user_id FROM participants WHERE conversation_id = ? AND left_at IS NULL ORDER BY user_id")
			.param(id.value())
			.query(String.class)
			.list();
	}

	void insert(ConversationId id, Member member, long readSeq, Instant at) {
		this.jdbc
			.sql("INSERT INTO participants (conversation_id, user_id, name, role, read_seq, joined_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id.value(), member.userId(), member.name(), member.role().wire(), readSeq, Timestamps.column(at))
			.update();
	}

	/**
	 * Makes a former participant active again, in the role and under the name given now.
	 */
	void rejoin(ConversationId id, Member member, Instant at) {
		this.jdbc
			.sql("UPDATE participants SET name = ?, role = ?, joined_at = ?, left_at = NULL "
					+ "WHERE conversation_id = ? AND user_id = ?")
			.params(member.name(), member.role().wire(), Timestamps.column(at), id.value(), member.userId())
			.update();
	}

	boolean leave(ConversationId id, String userId, Instant at) {
		return this.jdbc
			.sql("UPDATE participants SET left_at = ? WHERE conversation_id = ? AND user_id = ? AND left_at IS NULL")
			.params(Timestamps.column(at), id.value(), userId)
			.update() > 0;
	}

	/**
	 * Moves the read horizon forward to {@code seq}; never back, also under concurrent
	 * calls from several devices. Answers whether it moved.
	 */
	boolean moveHorizon(ConversationId id, String userId, long seq) {
		return this.jdbc
			.sql("UPDATE participants SET read_seq = ? WHERE conversation_id = ? AND user_id = ? AND read_seq < ?")
			.params(seq, id.value(), userId, seq)
			.update() > 0;
	}

	static Participant map(ResultSet rs, int row) throws SQLException {
		return new Participant(rs.getString("user_id"), rs.getString("name"),
				Role.parse(rs.getString("role")).orElseThrow(), rs.getLong("read_seq"),
				Timestamps.read(rs, "joined_at"), Timestamps.read(rs, "left_at"));
	}

}
