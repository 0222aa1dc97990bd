package io.orderchat.attachments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attachments table. */
@Repository
class Attachments {

	private static final String COLUMNS = "id, uploader_id, conversation_id, message_id, storage_key, file_name, "
			+ "content_type, file_size, thumbnail_key, created_at";

	private final JdbcClient jdbc;

	Attachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Attachment attachment) {
		this.jdbc
			.sql("INSERT INTO attachments (" + COLUMNS + ") VALUES (:id, :uploaderId, :conversationId, :messageId, "
					+ ":storageKey, :fileName, :contentType, :fileSize, :thumbnailKey, :createdAt)")
			.param("id", attachment.id())
			.param("uploaderId", attachment.uploaderId())
			.param("conversationId", (attachment.conversationId() != null) ? attachment.conversationId().value() : null)
			.param("messageId", attachment.messageId())
			.param("storageKey", attachment.storageKey())
			.param("fileName", attachment.fileName())
			.param("contentType", attachment.type().contentType())
			.param("fileSize", attachment.size())
			.param("thumbnailKey", attachment.thumbnailKey())
			.param("createdAt", Timestamps.column(attachment.createdAt()))
			.update();
	}

	Optional<Attachment> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE id = ?")
			.param(id)
			.query(Attachments::map)
			.optional();
	}

	/**
	 * The uploader's attachments among {@code ids}, locked until the transaction ends.
	 */
	List<Attachment> lockOf(String uploaderId, Collection<UUID> ids) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM attachments WHERE uploader_id = :uploader AND id IN (:ids) FOR UPDATE")
			.param("uploader", uploaderId)
			.param("ids", ids)
			.query(Attachments::map)
			.list();
	}

	/**
	 * Binds pending attachments to their message; answers how many were still pending.
	 */
	int claim(Collection<UUID> ids, ConversationId conversation, UUID messageId) {
		return this.jdbc
			.sql("UPDATE attachments SET conversation_id = :conversation, message_id = :message "
					+ "WHERE id IN (:ids) AND message_id IS NULL")
			.param("conversation", conversation.value())
			.param("message", messageId)
			.param("ids", ids)
			.update();
	}

	List<Attachment> ofMessage(UUID messageId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE message_id = ? ORDER BY created_at, id")
			.param(messageId)
			.query(Attachments::map)
			.list();
	}

	List<Attachment> ofConversation(ConversationId conversation) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE conversation_id = ? ORDER BY created_at")
			.param(conversation.value())
			.query(Attachments::map)
			.list();
	}

	long countImagesOf(ConversationId conversation) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM attachments WHERE conversation_id = ? AND content_type LIKE 'image/%'")
			.param(conversation.value())
			.query(Long.class)
			.single();
	}

	List<Attachment> pendingOlderThan(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM attachments WHERE message_id IS NULL AND created_at < ? "
					+ "ORDER BY created_at LIMIT ?")
			.params(Timestamps.column(before), limit)
			.query(Attachments::map)
			.list();
	}

	void delete(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM attachments WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	private static Attachment map(ResultSet rs, int row) throws SQLException {
		UUID conversation = rs.getObject("conversation_id", UUID.class);
		return new Attachment(rs.getObject("id", UUID.class), rs.getString("uploader_id"),
				(conversation != null) ? new ConversationId(conversation) : null,
				rs.getObject("message_id", UUID.class), rs.getString("storage_key"), rs.getString("file_name"),
				FileType.ofContentType(rs.getString("content_type")), rs.getLong("file_size"),
				rs.getString("thumbnail_key"), Timestamps.read(rs, "created_at"));
	}

}
