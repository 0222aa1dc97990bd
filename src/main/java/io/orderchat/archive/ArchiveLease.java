package io.orderchat.archive;

import java.time.Duration;
import java.time.Instant;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one archiver of the cluster, decided by the database: the archive_lease row is
 * taken by one UPDATE that only succeeds where nobody holds an unexpired lease (on
 * PostgreSQL a second node's UPDATE waits for the first's row lock and then sees the
 * lease; the same statement works on H2), like webhook deliveries are claimed. A node
 * that crashes keeps it until it runs out.
 */
@Repository
class ArchiveLease {

	private final JdbcClient jdbc;

	ArchiveLease(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes or renews the lease for {@code holder}; false when another node holds it. */
	boolean take(String holder, Instant now, Duration lease) {
		return this.jdbc
			.sql("UPDATE archive_lease SET holder = :holder, lease_until = :until WHERE name = 'archiver' "
					+ "AND (holder IS NULL OR holder = :holder OR lease_until < :now)")
			.param("holder", holder)
			.param("until", Timestamps.column(now.plus(lease)))
			.param("now", Timestamps.column(now))
			.update() == 1;
	}

	/**
	 * Renews the lease only if {@code holder} still has it: run inside a move's
	 * transaction, it fences off a runner whose lease ran out and was taken by another.
	 */
	boolean renew(String holder, Instant now, Duration lease) {
		return this.jdbc
			.sql("UPDATE archive_lease SET lease_until = :until WHERE name = 'archiver' AND holder = :holder "
					+ "AND lease_until >= :now")
			.param("holder", holder)
			.param("until", Timestamps.column(now.plus(lease)))
			.param("now", Timestamps.column(now))
			.update() == 1;
	}

	void release(String holder) {
		this.jdbc
			.sql("UPDATE archive_lease SET holder = NULL, lease_until = NULL WHERE name = 'archiver' AND holder = ?")
			.param(holder)
			.update();
	}

}
