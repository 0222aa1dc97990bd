package io.orderchat.search;

import java.time.Instant;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;

/**
 * One message that matched: where it is, who sent it, and a snippet of its content,
 * HTML-escaped, with the matched words between {@code «} and {@code »}.
 */
public record SearchHit(ConversationId conversationId, String kind, String subjectId, long seq, UUID messageId,
		String senderId, String senderName, String senderRole, Instant createdAt, String snippet, float rank) {

}
