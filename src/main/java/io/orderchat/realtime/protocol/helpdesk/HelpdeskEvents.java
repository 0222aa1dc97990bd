package io.orderchat.realtime.protocol.helpdesk;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderchat.identity.Role;
import io.orderchat.realtime.gateway.WireEvent;
import io.orderchat.support.SessionJson;
import io.orderchat.support.SupportMessageJson;
import io.orderchat.support.SupportStatus;

/**
 * Seed 003's catalogue (DIALECTS.md §4): every command the support app's clients send and
 * every event they receive (docs/protocol.md lists the same, checked by a test), with the
 * payloads of its events, in the app's snake_case. The fields DIALECTS.md requires come
 * first; the rest are OrderChat's additions, which the app's clients ignore.
 */
public enum HelpdeskEvents implements WireEvent {

	JOIN_SESSION("join_session", Direction.COMMAND), SEND_MESSAGE("send_message", Direction.COMMAND),
	TYPING("typing", Direction.COMMAND), STOP_TYPING("stop_typing", Direction.COMMAND),
	MARK_AS_READ("mark_as_read", Direction.COMMAND), ACCEPT_CHAT("accept_chat", Direction.COMMAND),
	CLOSE_CHAT("close_chat", Direction.COMMAND), LEAVE_SESSION("leave_session", Direction.COMMAND),

	SESSION_JOINED("session_joined", Direction.EVENT), NEW_MESSAGE("new_message", Direction.EVENT),
	MESSAGE_SENT("message_sent", Direction.EVENT), USER_TYPING("user_typing", Direction.EVENT),
	TYPING_STOPPED("typing_stopped", Direction.EVENT), MESSAGES_READ("messages_read", Direction.EVENT),
	USER_JOINED("user_joined", Direction.EVENT), USER_LEFT("user_left", Direction.EVENT),
	CHAT_ACCEPTED("chat_accepted", Direction.EVENT), CHAT_CLOSED("chat_closed", Direction.EVENT),
	SESSION_STATUS_CHANGED("session_status_changed", Direction.EVENT), ERROR("error", Direction.EVENT);

	private final String wireName;

	private final Direction direction;

	HelpdeskEvents(String wireName, Direction direction) {
		this.wireName = wireName;
		this.direction = direction;
	}

	@Override
	public String wireName() {
		return this.wireName;
	}

	@Override
	public Direction direction() {
		return this.direction;
	}

	/** {@code session_joined}, to the joiner: the session, its messages oldest first. */
	public record SessionJoined(SessionJson session, List<SupportMessageJson> messages,
			List<Participant> participants) {
	}

	/** One of {@code session_joined.participants}. */
	public record Participant(@JsonProperty("user_id") String userId, Role role, String name, boolean online) {
	}

	/** {@code new_message}, to the session's room. */
	public record NewMessage(SupportMessageJson message, @JsonProperty("session_id") String sessionId) {
	}

	/** {@code message_sent}, to the sender: its {@code temp_id} now has an id. */
	public record MessageSent(@JsonProperty("message_id") String messageId, @JsonProperty("temp_id") String tempId,
			@JsonProperty("sent_at") Instant sentAt, @JsonProperty("session_id") String sessionId) {
	}

	/** {@code user_typing}, to the room but the typist. */
	public record UserTyping(@JsonProperty("session_id") String sessionId, @JsonProperty("user_id") String userId,
			@JsonProperty("user_name") String userName) {
	}

	/** {@code typing_stopped}, to the room but the typist. */
	public record TypingStopped(@JsonProperty("session_id") String sessionId, @JsonProperty("user_id") String userId) {
	}

	/**
	 * {@code messages_read}: {@code message_ids} when the reader named them (to the
	 * reader's own socket); {@code read_seq}: everything up to it is read.
	 */
	public record MessagesRead(@JsonProperty("session_id") String sessionId, @JsonProperty("user_id") String userId,
			@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("message_ids") List<String> messageIds,
			@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("read_seq") Long readSeq) {
	}

	/** {@code user_joined} and {@code user_left}, to the room. */
	public record Member(@JsonProperty("user_id") String userId, Role role, String name,
			@JsonProperty("session_id") String sessionId) {
	}

	/** {@code chat_accepted}, to the room. */
	public record ChatAccepted(SessionJson session, @JsonProperty("agent_id") String agentId,
			@JsonProperty("agent_name") String agentName) {
	}

	/** {@code chat_closed}, to the room. */
	public record ChatClosed(SessionJson session, @JsonProperty("closed_by") String closedBy) {
	}

	/** {@code session_status_changed}. */
	public record SessionStatusChanged(@JsonProperty("session_id") String sessionId, SupportStatus status,
			@JsonProperty("agent_id") String agentId) {
	}

}
