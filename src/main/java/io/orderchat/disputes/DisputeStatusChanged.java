package io.orderchat.disputes;

import java.time.Instant;

/**
 * A dispute's status changed; {@code dispute} is the dispute after the change. Published
 * inside the transaction, with the system messages in the dispute's and the order's
 * conversations.
 */
public record DisputeStatusChanged(Dispute dispute, DisputeStatus from, DisputeStatus to, String byUserId,
		String byName, Instant at) {
}
