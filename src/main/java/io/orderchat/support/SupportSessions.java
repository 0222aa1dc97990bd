package io.orderchat.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The support_sessions table. */
@Repository
class SupportSessions {

	private static final String COLUMNS = "id, conversation_id, customer_id, customer_name, agent_id, agent_name, "
			+ "subject, category, priority, restaurant_id, status, created_at, updated_at, accepted_at, resolved_at, "
			+ "closed_at, closed_by";

	/** Urgent first, then by age. */
	private static final String QUEUE_ORDER = "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 "
			+ "WHEN 'medium' THEN 2 ELSE 3 END, created_at, id";

	private final JdbcClient jdbc;

	SupportSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SupportSession s) {
		this.jdbc
			.sql("INSERT INTO support_sessions (" + COLUMNS + ") VALUES (:id, :conversationId, :customerId, "
					+ ":customerName, :agentId, :agentName, :subject, :category, :priority, :restaurantId, :status, "
					+ ":createdAt, :updatedAt, :acceptedAt, :resolvedAt, :closedAt, :closedBy)")
			.param("id", s.id())
			.param("conversationId", s.conversationId().value())
			.param("customerId", s.customerId())
			.param("customerName", s.customerName())
			.param("agentId", s.agentId())
			.param("agentName", s.agentName())
			.param("subject", s.subject())
			.param("category", s.category())
			.param("priority", s.priority().wire())
			.param("restaurantId", s.restaurantId())
			.param("status", s.status().wire())
			.param("createdAt", Timestamps.column(s.createdAt()))
			.param("updatedAt", Timestamps.column(s.updatedAt()))
			.param("acceptedAt", Timestamps.column(s.acceptedAt()))
			.param("resolvedAt", Timestamps.column(s.resolvedAt()))
			.param("closedAt", Timestamps.column(s.closedAt()))
			.param("closedBy", s.closedBy())
			.update();
	}

	Optional<SupportSession> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_sessions WHERE id = ?")
			.param(id)
			.query(SupportSessions::map)
			.optional();
	}

	Optional<SupportSession> findByConversation(ConversationId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_sessions WHERE conversation_id = ?")
			.param(id.value())
			.query(SupportSessions::map)
			.optional();
	}

	/**
	 * Reads the session and locks its row until the transaction ends: of two agents
	 * accepting at once, the second sees the first one's decision.
	 */
	Optional<SupportSession> lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_sessions WHERE id = ? FOR UPDATE")
			.param(id)
			.query(SupportSessions::map)
			.optional();
	}

	void update(SupportSession s) {
		this.jdbc
			.sql("UPDATE support_sessions SET agent_id = ?, agent_name = ?, status = ?, updated_at = ?, "
					+ "accepted_at = ?, resolved_at = ?, closed_at = ?, closed_by = ? WHERE id = ?")
			.params(s.agentId(), s.agentName(), s.status().wire(), Timestamps.column(s.updatedAt()),
					Timestamps.column(s.acceptedAt()), Timestamps.column(s.resolvedAt()),
					Timestamps.column(s.closedAt()), s.closedBy(), s.id())
			.update();
	}

	/** The most sessions a list answers: the latest ones. */
	static final int LIST_LIMIT = 500;

	List<SupportSession> ofCustomer(String userId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM support_sessions WHERE customer_id = ? ORDER BY updated_at DESC, id "
					+ "LIMIT " + LIST_LIMIT)
			.param(userId)
			.query(SupportSessions::map)
			.list();
	}

	/** The waiting sessions and the active ones of one agent, newest activity first. */
	List<SupportSession> openTo(String agentId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM support_sessions WHERE status = 'waiting' OR (status = 'active' AND "
					+ "agent_id = ?) ORDER BY updated_at DESC, id LIMIT " + LIST_LIMIT)
			.param(agentId)
			.query(SupportSessions::map)
			.list();
	}

	/** Every waiting or active session, newest activity first. */
	List<SupportSession> open() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM support_sessions WHERE status IN ('waiting', 'active') "
					+ "ORDER BY updated_at DESC, id LIMIT " + LIST_LIMIT)
			.query(SupportSessions::map)
			.list();
	}

	List<SupportSession> waiting(int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM support_sessions WHERE status = 'waiting' ORDER BY " + QUEUE_ORDER
					+ " LIMIT ?")
			.param(limit)
			.query(SupportSessions::map)
			.list();
	}

	static SupportSession map(ResultSet rs, int row) throws SQLException {
		return new SupportSession(rs.getObject("id", UUID.class),
				new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getString("customer_id"),
				rs.getString("customer_name"), rs.getString("agent_id"), rs.getString("agent_name"),
				rs.getString("subject"), rs.getString("category"),
				Priority.parse(rs.getString("priority")).orElseThrow(), rs.getString("restaurant_id"),
				SupportStatus.parse(rs.getString("status")).orElseThrow(), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "updated_at"), Timestamps.read(rs, "accepted_at"),
				Timestamps.read(rs, "resolved_at"), Timestamps.read(rs, "closed_at"), rs.getString("closed_by"));
	}

}
