package io.orderchat.conversations;

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
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.shared.Timestamps;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages table. */
@Repository
class Messages {

	private static final String COLUMNS = "m.id, m.conversation_id, m.seq, m.type, m.content, m.sender_id, "
			+ "m.sender_name, m.sender_role, m.client_id, m.metadata, m.created_at, m.deleted_at";

	/**
	 * Messages a reader has not read: after their horizon, not their own, not deleted.
	 */
	private static final String UNREAD = "m.deleted_at IS NULL AND m.visibility = 'all' "
			+ "AND (m.sender_id IS NULL OR m.sender_id <> ?)";

	/**
	 * Messages a reader may see: everyone's, and staff-only notes when the reader is
	 * staff (the parameter).
	 */
	private static final String VISIBLE = "(? OR m.visibility = 'all')";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	Messages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Message message) {
		this.jdbc
			.sql("INSERT INTO messages (id, conversation_id, seq, type, content, sender_id, sender_name, sender_role, "
					+ "client_id, metadata, created_at, visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(message.id(), message.conversationId().value(), message.seq(), message.type().wire(),
					message.content(), message.senderId(), message.senderName(),
					(message.senderRole() != null) ? message.senderRole().wire() : null, message.clientId(),
					(message.metadata() != null) ? json.writeValueAsString(message.metadata()) : null,
					Timestamps.column(message.createdAt()), message.staffOnly() ? "staff" : "all")
			.update();
	}

	/** Inserts several messages with one multi-row statement. */
	void insertAll(List<Message> batch) {
		StringBuilder sql = new StringBuilder("INSERT INTO messages (id, conversation_id, seq, type, content, "
				+ "sender_id, sender_name, sender_role, client_id, metadata, created_at) VALUES ");
		List<Object> params = new ArrayList<>(batch.size() * 11);
		for (int i = 0; i < batch.size(); i++) {
			sql.append((i == 0) ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			Message message = batch.get(i);
			params.addAll(Arrays.asList(message.id(), message.conversationId().value(), message.seq(),
					message.type().wire(), message.content(), message.senderId(), message.senderName(),
					(message.senderRole() != null) ? message.senderRole().wire() : null, message.clientId(),
					(message.metadata() != null) ? json.writeValueAsString(message.metadata()) : null,
					Timestamps.column(message.createdAt())));
		}
		this.jdbc.sql(sql.toString()).params(params).update();
	}

	Optional<Message> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM messages m WHERE m.id = ?")
			.param(id)
			.query(Messages::map)
			.optional();
	}

	Optional<Message> findByClientId(ConversationId conversation, String senderId, String clientId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages m WHERE m.conversation_id = ? AND m.sender_id = ? "
					+ "AND m.client_id = ?")
			.params(conversation.value(), senderId, clientId)
			.query(Messages::map)
			.optional();
	}

	/**
	 * The stored messages of several sends that carry a client id, in one query; a key
	 * without a stored message is not in the answer.
	 */
	Map<ClientKey, Message> findByClientIds(Collection<ClientKey> keys) {
		Map<ClientKey, Message> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM messages m WHERE (m.conversation_id, m.sender_id, m.client_id) IN (:keys)")
			.param("keys",
					keys.stream()
						.map((key) -> new Object[] { key.conversationId().value(), key.senderId(), key.clientId() })
						.toList())
			.query(Messages::map)
			.list()
			.forEach((message) -> found.put(ClientKey.of(message), message));
		return found;
	}

	/**
	 * Up to {@code limit} messages with {@code after < seq < before}, the newest of them.
	 */
	List<Message> newestBetween(ConversationId conversation, long after, long before, int limit, boolean staff) {
		List<Message> newestFirst = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages m WHERE m.conversation_id = ? AND m.seq > ? AND m.seq < ? "
					+ "AND " + VISIBLE + " ORDER BY m.seq DESC LIMIT ?")
			.params(conversation.value(), after, before, staff, limit)
			.query(Messages::map)
			.list();
		return newestFirst.reversed();
	}

	/**
	 * Up to {@code limit} messages with {@code after < seq < before}, the oldest of them.
	 */
	List<Message> oldestBetween(ConversationId conversation, long after, long before, int limit, boolean staff) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages m WHERE m.conversation_id = ? AND m.seq > ? AND m.seq < ? "
					+ "AND " + VISIBLE + " ORDER BY m.seq LIMIT ?")
			.params(conversation.value(), after, before, staff, limit)
			.query(Messages::map)
			.list();
	}

	/**
	 * The newest message that is not deleted, of each conversation the user takes part
	 * in.
	 */
	List<Message> lastOfEachConversationOf(String userId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages m JOIN participants p ON p.conversation_id = m.conversation_id "
					+ "WHERE p.user_id = ? AND p.left_at IS NULL AND m.seq = (SELECT MAX(x.seq) FROM messages x "
					+ "WHERE x.conversation_id = m.conversation_id AND x.deleted_at IS NULL AND x.visibility = 'all')")
			.param(userId)
			.query(Messages::map)
			.list();
	}

	/**
	 * {@code limit} messages from the {@code offset}-th on, oldest first (seed 003's
	 * paging).
	 */
	List<Message> slice(ConversationId conversation, int offset, int limit, boolean staff) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages m WHERE m.conversation_id = ? AND " + VISIBLE
					+ " ORDER BY m.seq LIMIT ? OFFSET ?")
			.params(conversation.value(), staff, limit, offset)
			.query(Messages::map)
			.list();
	}

	/**
	 * The messages a history clean removes: every live one that is not a system message.
	 */
	List<Message> cleanable(ConversationId conversation) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages m WHERE m.conversation_id = ? AND m.deleted_at IS NULL "
					+ "AND m.type <> 'system' ORDER BY m.seq")
			.param(conversation.value())
			.query(Messages::map)
			.list();
	}

	/** The highest seq among the given messages of the conversation; 0 when none is. */
	long maxSeqOf(ConversationId conversation, List<UUID> ids) {
		return this.jdbc
			.sql("SELECT COALESCE(MAX(seq), 0) FROM messages WHERE conversation_id = :conversation AND id IN (:ids)")
			.param("conversation", conversation.value())
			.param("ids", ids)
			.query(Long.class)
			.single();
	}

	void tombstone(UUID id, Instant at) {
		this.jdbc.sql("UPDATE messages SET content = NULL, metadata = NULL, deleted_at = ? WHERE id = ?")
			.params(Timestamps.column(at), id)
			.update();
	}

	long unreadIn(ConversationId conversation, String userId, long readSeq) {
		return this.jdbc.sql("SELECT COUNT(*) FROM messages m WHERE m.conversation_id = ? AND m.seq > ? AND " + UNREAD)
			.params(conversation.value(), readSeq, userId)
			.query(Long.class)
			.single();
	}

	/**
	 * Unread counts of every conversation the user takes part in, most recently active
	 * first.
	 */
	List<Unread.Count> unreadOf(String userId) {
		return this.jdbc
			.sql("SELECT c.id, c.kind, c.subject_id, COUNT(m.id) AS unread FROM participants p "
					+ "JOIN conversations c ON c.id = p.conversation_id "
					+ "LEFT JOIN messages m ON m.conversation_id = p.conversation_id AND m.seq > p.read_seq AND "
					+ UNREAD + " WHERE p.user_id = ? AND p.left_at IS NULL "
					+ "GROUP BY c.id, c.kind, c.subject_id, c.updated_at ORDER BY c.updated_at DESC, c.id")
			.params(userId, userId)
			.query((rs, row) -> new Unread.Count(new ConversationId(rs.getObject("id", UUID.class)),
					ConversationKind.fromWire(rs.getString("kind")), rs.getString("subject_id"), rs.getLong("unread")))
			.list();
	}

	/** What makes a send idempotent: one stored message per sender and client id. */
	record ClientKey(ConversationId conversationId, String senderId, String clientId) {

		static ClientKey of(Message message) {
			return new ClientKey(message.conversationId(), message.senderId(), message.clientId());
		}

	}

	static Message map(ResultSet rs, int row) throws SQLException {
		String metadata = rs.getString("metadata");
		String role = rs.getString("sender_role");
		return new Message(rs.getObject("id", UUID.class),
				new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getLong("seq"),
				MessageType.parse(rs.getString("type")).orElseThrow(), rs.getString("content"),
				rs.getString("sender_id"), rs.getString("sender_name"),
				(role != null) ? Role.parse(role).orElseThrow() : null, rs.getString("client_id"),
				(metadata != null) ? json.readValue(metadata, METADATA) : null, Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "deleted_at"));
	}

}
