package io.orderchat.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;

/**
 * A stored message. {@code seq} is gap-free and strictly increasing within its
 * conversation. System messages have no sender. A deleted message is a tombstone: it
 * keeps its id and seq, its {@code content} and {@code metadata} are gone and
 * {@code deletedAt} is set, and its reactions are gone. {@code replyTo} is the earlier
 * message it quotes, if any; {@code reactions} are per emoji, never null.
 */
public record Message(UUID id, ConversationId conversationId, long seq, MessageType type, String content,
		String senderId, String senderName, Role senderRole, String clientId, Map<String, Object> metadata,
		Instant createdAt, Instant deletedAt, Quote replyTo, List<Reaction> reactions) {

	public Message {
		reactions = (reactions != null) ? List.copyOf(reactions) : List.of();
	}

	Message withReplyTo(Quote quote) {
		return new Message(this.id, this.conversationId, this.seq, this.type, this.content, this.senderId,
				this.senderName, this.senderRole, this.clientId, this.metadata, this.createdAt, this.deletedAt, quote,
				this.reactions);
	}

	/** The metadata key that marks a message's visibility; {@code "staff"} for notes. */
	public static final String VISIBILITY = "visibility";

	static final String STAFF = "staff";

	public boolean deleted() {
		return this.deletedAt != null;
	}

	/**
	 * An internal note: only staff see it (history, unread counts and delivery leave it
	 * out for everyone else).
	 */
	public boolean staffOnly() {
		return this.metadata != null && STAFF.equals(this.metadata.get(VISIBILITY));
	}

	public boolean sentBy(String userId) {
		return this.senderId != null && this.senderId.equals(userId);
	}

}
