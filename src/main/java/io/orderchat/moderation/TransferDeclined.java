package io.orderchat.moderation;

/** The target of a transfer declined it; the chat stays with its moderator. */
public record TransferDeclined(Transfer transfer) {
}
