package io.orderchat.conversations;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conversations table. */
@Repository
class Conversations {

	private static final String COLUMNS = "id, kind, subject_id, title, last_seq, created_at, updated_at";

	private final JdbcClient jdbc;

	Conversations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Conversation conversation) {
		this.jdbc.sql("INSERT INTO conversations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(conversation.id().value(), conversation.kind().wire(), conversation.subjectId(),
					conversation.title(), conversation.lastSeq(), Timestamps.column(conversation.createdAt()),
					Timestamps.column(conversation.updatedAt()))
			.update();
	}

	Optional<Conversation> find(ConversationId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE id = ?")
			.param(id.value())
			.query(Conversations::map)
			.optional();
	}

	/**
	 * Reads the conversation and locks its row until the transaction ends: whoever holds
	 * the lock owns the next sequence number.
	 */
	Optional<Conversation> lock(ConversationId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE id = ? FOR UPDATE")
			.param(id.value())
			.query(Conversations::map)
			.optional();
	}

	Optional<Conversation> findBySubject(ConversationKind kind, String subjectId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE kind = ? AND subject_id = ?")
			.params(kind.wire(), subjectId)
			.query(Conversations::map)
			.optional();
	}

	/**
	 * Records {@code seq} as the newest message; only under the row lock of
	 * {@link #lock}.
	 */
	void advance(ConversationId id, long seq, Instant at) {
		this.jdbc.sql("UPDATE conversations SET last_seq = ?, updated_at = ? WHERE id = ?")
			.params(seq, Timestamps.column(at), id.value())
			.update();
	}

	/** Whether the conversation was closed: it then refuses new messages. */
	boolean isClosed(ConversationId id) {
		return this.jdbc.sql("SELECT closed_at FROM conversations WHERE id = ?")
			.param(id.value())
			.query((rs, row) -> rs.getObject(1) != null)
			.optional()
			.orElse(false);
	}

	/** Closes the conversation; answers false when it already was closed. */
	boolean close(ConversationId id, Instant at) {
		return this.jdbc.sql("UPDATE conversations SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
			.params(Timestamps.column(at), id.value())
			.update() > 0;
	}

	/**
	 * Locks several conversations at once, always in id order so that two batches never
	 * wait on each other's locks, and reads with them whether each is closed and its
	 * active members: one statement where a send batch needed three. Only the
	 * conversations that exist are in the answer.
	 */
	Map<ConversationId, LockedConversation> lockForSending(Collection<ConversationId> ids) {
		Map<ConversationId, LockedConversation> locked = new HashMap<>();
		// only the columns a send needs: the timestamps and titles cost a parse each
		this.jdbc
			.sql("SELECT c.id, c.kind, c.subject_id, c.last_seq, c.closed_at IS NOT NULL, ARRAY(SELECT p.user_id "
					+ "FROM participants p WHERE p.conversation_id = c.id AND p.left_at IS NULL) "
					+ "FROM conversations c WHERE c.id IN (:ids) ORDER BY c.id FOR UPDATE")
			.param("ids", ids.stream().map(ConversationId::value).toList())
			.query((rs, row) -> new LockedConversation(new ConversationId(rs.getObject(1, UUID.class)),
					ConversationKind.fromWire(rs.getString(2)), rs.getString(3), rs.getLong(4), rs.getBoolean(5),
					members(rs.getArray(6))))
			.list()
			.forEach((conversation) -> locked.put(conversation.id(), conversation));
		return locked;
	}

	// immutable, so every message of the batch shares it as its recipients
	// (Set.copyOf of an immutable set is the set itself)
	private static Set<String> members(Array array) throws SQLException {
		Object[] userIds = (Object[]) array.getArray();
		array.free();
		return Set.copyOf(Arrays.asList(userIds).stream().map(String.class::cast).toList());
	}

	/** Moves several conversations' {@code last_seq} in one statement. */
	void advanceAll(Map<ConversationId, Long> lastSeqs, Instant at) {
		StringBuilder sql = new StringBuilder("UPDATE conversations SET updated_at = ?, last_seq = CASE id");
		List<Object> params = new ArrayList<>();
		params.add(Timestamps.column(at));
		lastSeqs.forEach((id, seq) -> {
			sql.append(" WHEN ? THEN ?");
			params.add(id.value());
			params.add(seq);
		});
		sql.append(" ELSE last_seq END WHERE id IN (");
		sql.append(String.join(", ", java.util.Collections.nCopies(lastSeqs.size(), "?"))).append(')');
		lastSeqs.keySet().forEach((id) -> params.add(id.value()));
		this.jdbc.sql(sql.toString()).params(params).update();
	}

	static Conversation map(ResultSet rs, int row) throws SQLException {
		return new Conversation(new ConversationId(rs.getObject("id", UUID.class)),
				ConversationKind.fromWire(rs.getString("kind")), rs.getString("subject_id"), rs.getString("title"),
				rs.getLong("last_seq"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
	}

}
