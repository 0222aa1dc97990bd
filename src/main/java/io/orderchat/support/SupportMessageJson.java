package io.orderchat.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.Participant;
import io.orderchat.identity.Role;

/**
 * A message in seed 003's snake_case shape (DIALECTS.md §4.2). {@code read_by}: the
 * participants (other than its sender) whose read horizon reached it; OrderChat keeps a
 * read horizon per participant, not a time per message, so {@code read_at} is null.
 * {@code attachments} come from the message's metadata (empty for plain text).
 * {@code seq}, {@code is_internal} and {@code deleted_at} are OrderChat's additions.
 */
public record SupportMessageJson(String id, @JsonProperty("session_id") String sessionId,
		@JsonProperty("sender_id") String senderId, @JsonProperty("sender_role") Role senderRole,
		@JsonProperty("sender_name") String senderName, @JsonProperty("message_type") MessageType messageType,
		String content, @JsonProperty("is_system_message") boolean systemMessage,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt,
		List<Object> attachments, @JsonProperty("read_by") List<ReadBy> readBy, long seq,
		@JsonProperty("is_internal") boolean internal, @JsonProperty("deleted_at") Instant deletedAt) {

	public static SupportMessageJson of(String sessionId, Message m, List<Participant> participants) {
		List<ReadBy> readBy = participants.stream()
			.filter((p) -> p.readSeq() >= m.seq() && !m.sentBy(p.userId()))
			.map((p) -> new ReadBy(p.userId(), null))
			.toList();
		return new SupportMessageJson(m.id().toString(), sessionId, m.senderId(), m.senderRole(), m.senderName(),
				m.type(), m.content(), m.type() == MessageType.SYSTEM, m.createdAt(),
				(m.deletedAt() != null) ? m.deletedAt() : m.createdAt(), attachments(m), readBy, m.seq(), m.staffOnly(),
				m.deletedAt());
	}

	private static List<Object> attachments(Message m) {
		Map<String, Object> metadata = m.metadata();
		if (metadata != null && metadata.get("attachments") instanceof List<?> list) {
			return List.copyOf(list);
		}
		return List.of();
	}

	/** Who read a message, and when (unknown to OrderChat: null). */
	public record ReadBy(@JsonProperty("user_id") String userId, @JsonProperty("read_at") Instant readAt) {
	}

}
