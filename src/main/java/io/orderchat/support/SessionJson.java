package io.orderchat.support;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.conversations.Message;

/**
 * A support session in seed 003's snake_case shape; {@code unread_count} and
 * {@code last_message} are the reader's.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SessionJson(String id, String subject, String category, Priority priority,
		@JsonProperty("restaurant_id") String restaurantId, SupportStatus status,
		@JsonProperty("customer_id") String customerId, @JsonProperty("customer_name") String customerName,
		@JsonProperty("agent_id") String agentId, @JsonProperty("agent_name") String agentName,
		@JsonProperty("conversation_id") String conversationId, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("updated_at") Instant updatedAt, @JsonProperty("accepted_at") Instant acceptedAt,
		@JsonProperty("resolved_at") Instant resolvedAt, @JsonProperty("closed_at") Instant closedAt,
		@JsonProperty("closed_by") String closedBy, @JsonProperty("unread_count") Long unreadCount,
		@JsonProperty("last_message") SupportMessageJson lastMessage) {

	public static SessionJson of(SupportSession s) {
		return of(s, null, null);
	}

	public static SessionJson of(SupportSession s, Long unreadCount, Message lastMessage) {
		return new SessionJson(s.id().toString(), s.subject(), s.category(), s.priority(), s.restaurantId(), s.status(),
				s.customerId(), s.customerName(), s.agentId(), s.agentName(), s.conversationId().toString(),
				s.createdAt(), s.updatedAt(), s.acceptedAt(), s.resolvedAt(), s.closedAt(), s.closedBy(), unreadCount,
				(lastMessage != null) ? SupportMessageJson.of(s.id().toString(), lastMessage, java.util.List.of())
						: null);
	}

}
