package io.orderchat.moderation;

/**
 * The target of a transfer accepted it and is now the order's moderator; the previous one
 * left the conversation.
 */
public record ModeratorChanged(Transfer transfer) {
}
