package io.orderchat.conversations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes committed messages durable before they are acknowledged. PostgreSQL's commit
 * already waits for its WAL to reach disk ({@code synchronous_commit} on). H2 does not:
 * its commit only marks the transaction committed in memory, and its store writes it out
 * later ({@code WRITE_DELAY}, 500 ms by default; even with 0 a commit that meets another
 * thread's write may skip it) and never calls fsync. {@code CHECKPOINT SYNC} writes every
 * committed change to the file and fsyncs it, once per transaction that stores messages
 * (a group-commit batch stores many).
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
	 * Makes the current transaction durable right after its commit, before any other
	 * after-commit work (delivery) sees it; an error there fails the caller (whose
	 * outcome is then unknown). Once per transaction; outside one, nothing to do.
	 */
	void afterThisCommit() {
		if (!this.needed || !TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public int getOrder() {
				return Ordered.HIGHEST_PRECEDENCE;
			}

			@Override
			public void afterCommit() {
				sync();
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(DiskSync.this);
			}

		});
	}

	/**
	 * Writes everything committed so far to disk; returns once it is there. On a separate
	 * connection: the caller's transaction has committed, its connection is not yet
	 * released.
	 */
	private void sync() {
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
