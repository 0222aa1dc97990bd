package io.orderchat.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.orderchat.identity.Role;
import io.orderchat.shared.Timestamps;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The messages: appended to the hot table, read from all_messages (hot and archived, see
 * io.orderchat.archive).
 */
@Repository
class Messages {

	/**
	 * Where a message can be: the hot table or, once its conversation is archived, the
	 * archive (V140). A write by id or a row lock looks in both; reads use all_messages.
	 */
	private static final List<String> TABLES = List.of("messages", "messages_archive");

	private static final String COLUMNS = "m.id, m.conversation_id, m.seq, m.type, m.content, m.sender_id, "
			+ "m.sender_name, m.sender_role, m.client_id, m.metadata, m.created_at, m.deleted_at, m.reply_to_seq, "
			+ "m.reactions";

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

	private static final Map<String, MessageType> TYPES = Arrays.stream(MessageType.values())
		.collect(Collectors.toUnmodifiableMap(MessageType::wire, (type) -> type));

	private static final Map<String, Role> ROLES = Arrays.stream(Role.values())
		.collect(Collectors.toUnmodifiableMap(Role::wire, (role) -> role));

	private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
	};

	private static final TypeReference<List<Reaction>> REACTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	Messages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Message message) {
		this.jdbc
			.sql("INSERT INTO messages (id, conversation_id, seq, type, content, sender_id, sender_name, sender_role, "
					+ "client_id, metadata, created_at, visibility, reply_to_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(message.id(), message.conversationId().value(), message.seq(), message.type().wire(),
					message.content(), message.senderId(), message.senderName(),
					(message.senderRole() != null) ? message.senderRole().wire() : null, message.clientId(),
					(message.metadata() != null) ? json.writeValueAsString(message.metadata()) : null,
					Timestamps.column(message.createdAt()), message.staffOnly() ? "staff" : "all", replyToSeq(message))
			.update();
	}

	/** Inserts several messages with one multi-row statement. */
	void insertAll(List<Message> batch) {
		StringBuilder sql = new StringBuilder("INSERT INTO messages (id, conversation_id, seq, type, content, "
				+ "sender_id, sender_name, sender_role, client_id, metadata, created_at, reply_to_seq) VALUES ");
		List<Object> params = new ArrayList<>(batch.size() * 12);
		for (int i = 0; i < batch.size(); i++) {
			sql.append((i == 0) ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			Message message = batch.get(i);
			params.addAll(Arrays.asList(message.id(), message.conversationId().value(), message.seq(),
					message.type().wire(), message.content(), message.senderId(), message.senderName(),
					(message.senderRole() != null) ? message.senderRole().wire() : null, message.clientId(),
					(message.metadata() != null) ? json.writeValueAsString(message.metadata()) : null,
					Timestamps.column(message.createdAt()), replyToSeq(message)));
		}
		this.jdbc.sql(sql.toString()).params(params).update();
	}

	Optional<Message> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM all_messages m WHERE m.id = ?")
			.param(id)
			.query(Messages::map)
			.optional()
			.map(this::quoted);
	}

	Optional<Message> findByClientId(ConversationId conversation, String senderId, String clientId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM all_messages m WHERE m.conversation_id = ? AND m.sender_id = ? "
					+ "AND m.client_id = ?")
			.params(conversation.value(), senderId, clientId)
			.query(Messages::map)
			.optional()
			.map(this::quoted);
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
					+ " FROM all_messages m WHERE (m.conversation_id, m.sender_id, m.client_id) IN (:keys)")
			.param("keys",
					keys.stream()
						.map((key) -> new Object[] { key.conversationId().value(), key.senderId(), key.clientId() })
						.toList())
			.query(Messages::map)
			.list()
			.forEach((message) -> found.put(ClientKey.of(message), quoted(message)));
		return found;
	}

	/**
	 * A history page and the facts that guard it, in one statement: the conversation's
	 * kind, whether {@code userId} is an active participant, and up to {@code limit}
	 * messages with {@code after < seq < before} (the oldest of them when
	 * {@code oldestFirst}, otherwise the newest) — fetched only when the reader takes
	 * part or the conversation's kind is in {@code observableKinds}. One statement is one
	 * snapshot, so it needs no transaction; the caller still decides access from the kind
	 * and the participation.
	 */
	GuardedPage guardedPage(ConversationId conversation, String userId, Set<ConversationKind> observableKinds,
			long after, long before, int limit, boolean staff, boolean oldestFirst) {
		String[] kinds = observableKinds.stream().map(ConversationKind::wire).toArray(String[]::new);
		List<Object> params = new ArrayList<>(
				List.of(conversation.value(), userId, conversation.value(), conversation.value()));
		StringBuilder range = new StringBuilder();
		if (after > 0) {
			range.append(" AND m.seq > ?");
			params.add(after);
		}
		if (before < Long.MAX_VALUE) {
			range.append(" AND m.seq < ?");
			params.add(before);
		}
		params.add(staff);
		params.add(kinds);
		// Bounds that narrow nothing are left out, and the limit (a checked int)
		// is part of the text: with a LIMIT parameter and a two-sided range the
		// estimate for a generic plan was so poor that PostgreSQL planned every
		// execution anew, and planning cost more than running the statement.
		List<GuardedRow> rows = this.jdbc
			.sql("WITH access AS (SELECT c.kind, EXISTS (SELECT 1 FROM participants p "
					+ "WHERE p.conversation_id = ? AND p.user_id = ? AND p.left_at IS NULL) AS participant "
					+ "FROM conversations c WHERE c.id = ?) SELECT a.kind, a.participant, " + COLUMNS
					+ " FROM access a LEFT JOIN (SELECT " + COLUMNS + " FROM all_messages m WHERE m.conversation_id = ?"
					+ range + " AND " + VISIBLE + " ORDER BY m.seq " + (oldestFirst ? "" : "DESC ") + "LIMIT "
					+ Math.max(0, limit) + ") m ON a.participant OR a.kind = ANY (?) ORDER BY m.seq")
			.params(params)
			.query((rs, row) -> new GuardedRow(ConversationKind.fromWire(rs.getString(1)), rs.getBoolean(2),
					(rs.getObject(3) != null) ? mapFrom(rs, 3) : null))
			.list();
		if (rows.isEmpty()) {
			return new GuardedPage(null, false, List.of());
		}
		List<Message> messages = new ArrayList<>(rows.size());
		rows.stream().map(GuardedRow::message).filter(Objects::nonNull).forEach(messages::add);
		return new GuardedPage(rows.getFirst().kind(), rows.getFirst().participant(), quoted(messages));
	}

	/**
	 * Up to {@code limit} messages with {@code after < seq < before}, the newest of them.
	 */
	List<Message> newestBetween(ConversationId conversation, long after, long before, int limit, boolean staff) {
		List<Message> newestFirst = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM all_messages m WHERE m.conversation_id = ? AND m.seq > ? AND m.seq < ? "
					+ "AND " + VISIBLE + " ORDER BY m.seq DESC LIMIT ?")
			.params(conversation.value(), after, before, staff, limit)
			.query(Messages::map)
			.list();
		return quoted(newestFirst.reversed());
	}

	/**
	 * Up to {@code limit} messages with {@code after < seq < before}, the oldest of them.
	 */
	List<Message> oldestBetween(ConversationId conversation, long after, long before, int limit, boolean staff) {
		return quoted(this.jdbc
			.sql("SELECT " + COLUMNS + " FROM all_messages m WHERE m.conversation_id = ? AND m.seq > ? AND m.seq < ? "
					+ "AND " + VISIBLE + " ORDER BY m.seq LIMIT ?")
			.params(conversation.value(), after, before, staff, limit)
			.query(Messages::map)
			.list());
	}

	/**
	 * The newest message that is not deleted, of each conversation the user takes part
	 * in.
	 */
	List<Message> lastOfEachConversation(Collection<ConversationId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return quoted(this.jdbc
			.sql("SELECT " + COLUMNS + " FROM all_messages m WHERE m.conversation_id IN (:ids) AND m.seq = "
					+ "(SELECT MAX(x.seq) FROM all_messages x WHERE x.conversation_id = m.conversation_id "
					+ "AND x.deleted_at IS NULL AND x.visibility = 'all')")
			.param("ids", ids.stream().map(ConversationId::value).toList())
			.query(Messages::map)
			.list());
	}

	/**
	 * {@code limit} messages from the {@code offset}-th on, oldest first (seed 003's
	 * paging).
	 */
	List<Message> slice(ConversationId conversation, int offset, int limit, boolean staff) {
		return quoted(this.jdbc
			.sql("SELECT " + COLUMNS + " FROM all_messages m WHERE m.conversation_id = ? AND " + VISIBLE
					+ " ORDER BY m.seq LIMIT ? OFFSET ?")
			.params(conversation.value(), staff, limit, offset)
			.query(Messages::map)
			.list());
	}

	/**
	 * The messages a history clean removes: every live one that is not a system message.
	 */
	List<Message> cleanable(ConversationId conversation) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM all_messages m WHERE m.conversation_id = ? AND m.deleted_at IS NULL "
					+ "AND m.type <> 'system' ORDER BY m.seq")
			.param(conversation.value())
			.query(Messages::map)
			.list();
	}

	/** The highest seq among the given messages of the conversation; 0 when none is. */
	long maxSeqOf(ConversationId conversation, List<UUID> ids) {
		return this.jdbc.sql(
				"SELECT COALESCE(MAX(seq), 0) FROM all_messages WHERE conversation_id = :conversation AND id IN (:ids)")
			.param("conversation", conversation.value())
			.param("ids", ids)
			.query(Long.class)
			.single();
	}

	/** Content, metadata and reactions go; the seq and the reply's quote stay. */
	void tombstone(UUID id, Instant at) {
		for (String table : TABLES) {
			this.jdbc
				.sql("UPDATE " + table
						+ " SET content = NULL, metadata = NULL, reactions = NULL, deleted_at = ? WHERE id = ?")
				.params(Timestamps.column(at), id)
				.update();
		}
		this.jdbc.sql("DELETE FROM message_reactions WHERE message_id = ?").param(id).update();
	}

	/**
	 * The message with that seq, its row locked until the transaction ends: reactions to
	 * one message change one at a time.
	 */
	Optional<Message> lockBySeq(ConversationId conversation, long seq) {
		for (String table : TABLES) {
			Optional<Message> message = this.jdbc
				.sql("SELECT " + COLUMNS + " FROM " + table + " m WHERE m.conversation_id = ? AND m.seq = ? FOR UPDATE")
				.params(conversation.value(), seq)
				.query(Messages::map)
				.optional();
			if (message.isPresent()) {
				return message;
			}
		}
		return Optional.empty();
	}

	/** The message with that seq, its quote not looked up. */
	Optional<Message> findBySeq(ConversationId conversation, long seq) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM all_messages m WHERE m.conversation_id = ? AND m.seq = ?")
			.params(conversation.value(), seq)
			.query(Messages::map)
			.optional();
	}

	/** Keeps the grouped copy of a message's reactions (see V150) in step. */
	void writeReactions(UUID id, List<Reaction> reactions) {
		String grouped = reactions.isEmpty() ? null : json.writeValueAsString(reactions);
		for (String table : TABLES) {
			this.jdbc.sql("UPDATE " + table + " SET reactions = ? WHERE id = ?").params(grouped, id).update();
		}
	}

	private Message quoted(Message message) {
		return (message.replyTo() == null) ? message : quoted(List.of(message)).getFirst();
	}

	/**
	 * Fills in the quotes of the replies among {@code page} from their originals as they
	 * are now, with one query; a page without replies costs nothing. An original that is
	 * deleted — or, defensively, a staff-only note — shows as deleted.
	 */
	private List<Message> quoted(List<Message> page) {
		List<Object[]> keys = page.stream()
			.filter((message) -> message.replyTo() != null)
			.map((message) -> new Object[] { message.conversationId().value(), message.replyTo().seq() })
			.toList();
		if (keys.isEmpty()) {
			return page;
		}
		Map<String, Message> originals = new HashMap<>();
		this.jdbc.sql("SELECT " + COLUMNS + " FROM all_messages m WHERE (m.conversation_id, m.seq) IN (:keys)")
			.param("keys", keys)
			.query(Messages::map)
			.list()
			.forEach((original) -> originals.put(original.conversationId() + "/" + original.seq(), original));
		List<Message> resolved = new ArrayList<>(page.size());
		for (Message message : page) {
			if (message.replyTo() == null) {
				resolved.add(message);
				continue;
			}
			Message original = originals.get(message.conversationId() + "/" + message.replyTo().seq());
			resolved.add(message.withReplyTo((original == null || original.staffOnly())
					? Quote.deletedAt(message.replyTo().seq()) : Quote.of(original)));
		}
		return resolved;
	}

	private static Long replyToSeq(Message message) {
		return (message.replyTo() != null) ? message.replyTo().seq() : null;
	}

	long unreadIn(ConversationId conversation, String userId, long readSeq) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM all_messages m WHERE m.conversation_id = ? AND m.seq > ? AND " + UNREAD)
			.params(conversation.value(), readSeq, userId)
			.query(Long.class)
			.single();
	}

	/**
	 * Unread counts of every conversation the user takes part in, most recently active
	 * first.
	 */
	List<Unread.Count> unreadOf(String userId) {
		return unreadOf(userId, 0, Integer.MAX_VALUE);
	}

	/**
	 * A page of {@link #unreadOf(String)}: {@code limit} from the {@code offset}-th on.
	 */
	List<Unread.Count> unreadOf(String userId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT c.id, c.kind, c.subject_id, COUNT(m.id) AS unread FROM participants p "
					+ "JOIN conversations c ON c.id = p.conversation_id "
					+ "LEFT JOIN all_messages m ON m.conversation_id = p.conversation_id AND m.seq > p.read_seq AND "
					+ UNREAD + " WHERE p.user_id = ? AND p.left_at IS NULL "
					+ "GROUP BY c.id, c.kind, c.subject_id, c.updated_at ORDER BY c.updated_at DESC, c.id "
					+ "LIMIT ? OFFSET ?")
			.params(userId, userId, limit, offset)
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
		return mapFrom(rs, 1);
	}

	/**
	 * Reads the {@link #COLUMNS} starting at column {@code first}, by position: a lookup
	 * by name lower-cases the name, for every column of every row.
	 */
	private static Message mapFrom(ResultSet rs, int first) throws SQLException {
		int c = first;
		UUID id = rs.getObject(c++, UUID.class);
		ConversationId conversation = new ConversationId(rs.getObject(c++, UUID.class));
		long seq = rs.getLong(c++);
		MessageType type = type(rs.getString(c++));
		String content = rs.getString(c++);
		String senderId = rs.getString(c++);
		String senderName = rs.getString(c++);
		String role = rs.getString(c++);
		String clientId = rs.getString(c++);
		String metadata = rs.getString(c++);
		Instant createdAt = instant(rs.getObject(c++, OffsetDateTime.class));
		Instant deletedAt = instant(rs.getObject(c++, OffsetDateTime.class));
		long replyTo = rs.getLong(c++);
		Quote quote = rs.wasNull() ? null : Quote.unresolved(replyTo);
		String reactions = rs.getString(c);
		return new Message(id, conversation, seq, type, content, senderId, senderName,
				(role != null) ? role(role) : null, clientId,
				(metadata != null) ? json.readValue(metadata, METADATA) : null, createdAt, deletedAt, quote,
				(reactions != null) ? json.readValue(reactions, REACTIONS) : List.of());
	}

	/** The stored wire name's type; parse() lower-cases every constant to compare. */
	private static MessageType type(String stored) {
		MessageType type = TYPES.get(stored);
		return (type != null) ? type : MessageType.parse(stored).orElseThrow();
	}

	private static Role role(String stored) {
		Role role = ROLES.get(stored);
		return (role != null) ? role : Role.parse(stored).orElseThrow();
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

	/** One row of {@link #guardedPage}: the access facts and a message, if any. */
	private record GuardedRow(ConversationKind kind, boolean participant, Message message) {
	}

}
