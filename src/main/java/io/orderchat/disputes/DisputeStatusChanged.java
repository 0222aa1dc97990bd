package io.orderchat.disputes;

import java.time.Instant;

/**
 * A dispute's status changed; {@code dispute} is the dispute after the change,
 * {@code statusName} the new status as the host app named it (OrderChat's own name unless
 * it used an alias, DIALECTS.md §0.7). Published inside the transaction, with the system
 * messages in the dispute's and the order's conversations.
 */
public record DisputeStatusChanged(Dispute dispute, DisputeStatus from, DisputeStatus to, String byUserId,
		String byName, Instant at, String statusName) {

	public DisputeStatusChanged {
		statusName = (statusName != null) ? statusName : to.wire();
	}

}
