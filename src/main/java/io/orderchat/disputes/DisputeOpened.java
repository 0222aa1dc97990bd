package io.orderchat.disputes;

/**
 * A dispute was opened, with its conversation. Published inside the transaction.
 */
public record DisputeOpened(Dispute dispute, String openedByName) {
}
