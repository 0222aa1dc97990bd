package io.orderchat.disputes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Messages of the order's conversation were cited as evidence in a dispute. */
public record EvidenceCited(Dispute dispute, List<UUID> messageIds, String byUserId, Instant at) {
}
