/**
 * Conversations of every kind (order, dispute, support): participants, messages with
 * gap-free per-conversation sequence numbers, idempotent sends, history, read horizons
 * and exact unread counts. What a caller may do, each checked by
 * {@link io.orderchat.conversations.ConversationAccess}:
 * {@link io.orderchat.conversations.Inbox} (list, open, unread, mark read),
 * {@link io.orderchat.conversations.ConversationHistory} and
 * {@link io.orderchat.conversations.Messaging} (send, delete, notes). What other modules
 * do after authorising: {@link io.orderchat.conversations.ConversationManagement} (start,
 * find, system messages, clean, close) and {@link io.orderchat.conversations.Membership}
 * (add and remove participants).
 */
package io.orderchat.conversations;
