package io.orderchat.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One archiving run: takes the cluster's archive lease, then moves conversation after
 * conversation, each in its own transaction that also renews the lease. A conversation is
 * therefore hot or archived, never half moved; a run that dies (a crash, a lost database)
 * leaves the rest for the next run, of this node or another once the lease ran out; and a
 * runner that lost its lease stops at its next conversation.
 */
@Component
class Archiver {

	private static final Logger log = LoggerFactory.getLogger(Archiver.class);

	private final ArchiveLease lease;

	private final ArchivingPolicy policy;

	private final MessageArchive archive;

	private final ArchiveProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Counter messages;

	private final Counter conversations;

	private final String holder = "archiver-" + UUID.randomUUID();

	Archiver(ArchiveLease lease, ArchivingPolicy policy, MessageArchive archive, ArchiveProperties properties,
			PlatformTransactionManager transactionManager, Clock clock, MeterRegistry registry) {
		this.lease = lease;
		this.policy = policy;
		this.archive = archive;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.messages = registry.counter("orderchat.archived.messages");
		this.conversations = registry.counter("orderchat.archived.conversations");
	}

	/**
	 * Archives what is due; {@link ArchiveRun#NOT_LEADER} when another node is archiving.
	 */
	ArchiveRun run() {
		Instant started = Timestamps.now(this.clock);
		if (!this.lease.take(this.holder, started, this.properties.lease())) {
			return ArchiveRun.NOT_LEADER;
		}
		Instant cutoff = started.minus(this.properties.age());
		ArchiveRun run = ArchiveRun.STARTED;
		try {
			List<UUID> batch;
			do {
				batch = this.policy.candidates(cutoff, this.properties.batchSize());
				for (UUID conversation : batch) {
					Moved moved = this.transactions.execute((status) -> moveOne(conversation, cutoff));
					if (moved == Moved.LEASE_LOST) {
						log.warn("Archive lease lost to another node; this run stops");
						return run;
					}
					run = run.plus(moved.count);
				}
			}
			while (batch.size() == this.properties.batchSize());
			this.lease.release(this.holder);
			return run;
		}
		finally {
			if (run.messages() > 0) {
				log.info("Archived {} messages of {} conversations", run.messages(), run.conversations());
			}
		}
	}

	private Moved moveOne(UUID conversation, Instant cutoff) {
		Instant now = Timestamps.now(this.clock);
		if (!this.lease.renew(this.holder, now, this.properties.lease())) {
			return Moved.LEASE_LOST;
		}
		this.archive.lock(conversation);
		if (!this.policy.allows(conversation, cutoff)) {
			return new Moved(0);
		}
		int count = this.archive.move(conversation, now);
		this.messages.increment(count);
		this.conversations.increment();
		return new Moved(count);
	}

	/** What one conversation's transaction moved. */
	private record Moved(int count) {

		static final Moved LEASE_LOST = new Moved(-1);

	}

	/** What a run did. */
	record ArchiveRun(boolean leader, int conversations, long messages) {

		static final ArchiveRun NOT_LEADER = new ArchiveRun(false, 0, 0);

		static final ArchiveRun STARTED = new ArchiveRun(true, 0, 0);

		ArchiveRun plus(int moved) {
			return (moved > 0) ? new ArchiveRun(true, this.conversations + 1, this.messages + moved) : this;
		}

	}

}
