package io.orderchat.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.shared.Timestamps;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_log table; append only. */
@Repository
class AuditLog {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AuditEntry entry) {
		this.jdbc
			.sql("INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, conversation_id, "
					+ "subject_id, messages_removed, images_removed, details) VALUES (:id, :at, :actorId, :actorName, "
					+ ":actorRole, :action, :conversationId, :subjectId, :messagesRemoved, :imagesRemoved, :details)")
			.param("id", entry.id())
			.param("at", Timestamps.column(entry.at()))
			.param("actorId", entry.actorId())
			.param("actorName", entry.actorName())
			.param("actorRole", entry.actorRole().wire())
			.param("action", entry.action())
			.param("conversationId", (entry.conversationId() != null) ? UUID.fromString(entry.conversationId()) : null)
			.param("subjectId", entry.subjectId())
			.param("messagesRemoved", entry.messagesRemoved())
			.param("imagesRemoved", entry.imagesRemoved())
			.param("details", json.writeValueAsString(entry.details()))
			.update();
	}

	List<AuditEntry> newest(UUID conversationId, String actorId, int limit) {
		return this.jdbc
			.sql("SELECT * FROM audit_log WHERE (CAST(? AS UUID) IS NULL OR conversation_id = ?) "
					+ "AND (CAST(? AS VARCHAR) IS NULL OR actor_id = ?) ORDER BY at DESC, id LIMIT ?")
			.params(conversationId, conversationId, actorId, actorId, limit)
			.query(AuditLog::map)
			.list();
	}

	static AuditEntry map(ResultSet rs, int row) throws SQLException {
		UUID conversation = rs.getObject("conversation_id", UUID.class);
		String details = rs.getString("details");
		return new AuditEntry(rs.getObject("id", UUID.class), Timestamps.read(rs, "at"), rs.getString("actor_id"),
				rs.getString("actor_name"), Role.parse(rs.getString("actor_role")).orElseThrow(),
				rs.getString("action"), (conversation != null) ? conversation.toString() : null,
				rs.getString("subject_id"), rs.getInt("messages_removed"), rs.getInt("images_removed"),
				(details != null) ? json.readValue(details, DETAILS) : Map.of());
	}

}
