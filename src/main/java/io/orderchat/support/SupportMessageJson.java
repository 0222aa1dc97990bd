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
 * A message in seed 003's snake_case shape. {@code read_by}: the participants (other than
 * its sender) whose read horizon reached it; {@code attachments} come from the message's
 * metadata (empty for plain text).
 */
public record SupportMessageJson(String id, @JsonProperty("session_id") String sessionId, long seq,
		@JsonProperty("sender_id") String senderId, @JsonProperty("sender_name") String senderName,
		@JsonProperty("sender_role") Role senderRole, @JsonProperty("message_type") MessageType messageType,
		String content, @JsonProperty("is_internal") boolean internal, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("deleted_at") Instant deletedAt, List<Object> attachments,
		@JsonProperty("read_by") List<String> readBy) {

	public static SupportMessageJson of(String sessionId, Message m, List<Participant> participants) {
		List<String> readBy = participants.stream()
			.filter((p) -> p.readSeq() >= m.seq() && !m.sentBy(p.userId()))
			.map(Participant::userId)
			.toList();
		return new SupportMessageJson(m.id().toString(), sessionId, m.seq(), m.senderId(), m.senderName(),
				m.senderRole(), m.type(), m.content(), m.staffOnly(), m.createdAt(), m.deletedAt(), attachments(m),
				readBy);
	}

	private static List<Object> attachments(Message m) {
		Map<String, Object> metadata = m.metadata();
		if (metadata != null && metadata.get("attachments") instanceof List<?> list) {
			return List.copyOf(list);
		}
		return List.of();
	}

}
