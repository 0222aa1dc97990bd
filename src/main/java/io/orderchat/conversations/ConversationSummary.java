package io.orderchat.conversations;

/**
 * One of a user's conversations for a list: the reader's horizon, unread count, last
 * message.
 */
public record ConversationSummary(Conversation conversation, long readSeq, long unreadCount, Message lastMessage) {
}
