package io.orderchat.conversations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Makes committed messages durable before they are acknowledged. PostgreSQL's commit
 * already waits for its WAL to reach disk ({@code synchronous_commit} on). H2 does not:
 * its commit only marks the transaction committed in memory, and its store writes it out
 * later ({@code WRITE_DELAY}, 500 ms by default; even with 0 a commit that meets another
 * thread's write may skip it) and never calls fsync. {@code CHECKPOINT SYNC} writes every
 * committed change to the file and fsyncs it, once per group-commit batch.
 */
@Component
class DiskSync {

	private final DataSource dataSource;

	private final boolean needed;

	DiskSync(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
		this.dataSource = dataSource;
		// an in-memory H2 has no disk to reach
		this.needed = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
	}

	/**
	 * Writes everything committed so far to disk; returns once it is there. On a separate
	 * connection: the caller's transaction has committed, its connection is not yet
	 * released.
	 */
	void afterCommit() {
		if (!this.needed) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CHECKPOINT SYNC");
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not sync the H2 database to disk", ex);
		}
	}

}
