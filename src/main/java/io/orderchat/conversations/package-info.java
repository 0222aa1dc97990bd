/**
 * Conversations of every kind (order, dispute, support): participants, messages with
 * gap-free per-conversation sequence numbers, idempotent sends, history, read horizons
 * and exact unread counts; {@link io.orderchat.conversations.ConversationService} is the
 * entry point.
 */
package io.orderchat.conversations;
