package io.orderchat.moderation;

/** A moderator offered an order's chat to another moderator. */
public record TransferInitiated(Transfer transfer) {
}
