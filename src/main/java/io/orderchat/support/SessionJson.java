package io.orderchat.support;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.conversations.Message;

/**
 * A support session in seed 003's snake_case shape (DIALECTS.md §4.2): its fields are
 * always present, null when unset. {@code unread_count} and {@code last_message} are the
 * reader's and only in the REST detail and list answers; {@code last_message_at} is known
 * where the last message was read with the session (details, list rows,
 * {@code session_joined}), null in the events. {@code accepted_at} (=
 * {@code agent_accepted_at}), names, {@code conversation_id}, {@code resolved_at} and
 * {@code closed_by} are OrderChat's additions.
 */
public record SessionJson(String id, String subject, String category, Priority priority,
		@JsonProperty("restaurant_id") String restaurantId, @JsonProperty("customer_id") String customerId,
		@JsonProperty("agent_id") String agentId, SupportStatus status, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("updated_at") Instant updatedAt, @JsonProperty("agent_accepted_at") Instant agentAcceptedAt,
		@JsonProperty("closed_at") Instant closedAt, @JsonProperty("last_message_at") Instant lastMessageAt,
		@JsonProperty("customer_name") String customerName, @JsonProperty("agent_name") String agentName,
		@JsonProperty("conversation_id") String conversationId, @JsonProperty("accepted_at") Instant acceptedAt,
		@JsonProperty("resolved_at") Instant resolvedAt, @JsonProperty("closed_by") String closedBy,
		@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("unread_count") Long unreadCount,
		@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("last_message") SupportMessageJson lastMessage) {

	public static SessionJson of(SupportSession s) {
		return of(s, null, null);
	}

	public static SessionJson of(SupportSession s, Long unreadCount, Message lastMessage) {
		return new SessionJson(s.id().toString(), s.subject(), s.category(), s.priority(), s.restaurantId(),
				s.customerId(), s.agentId(), s.status(), s.createdAt(), s.updatedAt(), s.acceptedAt(), s.closedAt(),
				(lastMessage != null) ? lastMessage.createdAt() : null, s.customerName(), s.agentName(),
				s.conversationId().toString(), s.acceptedAt(), s.resolvedAt(), s.closedBy(), unreadCount,
				(lastMessage != null) ? SupportMessageJson.of(s.id().toString(), lastMessage, List.of()) : null);
	}

}
