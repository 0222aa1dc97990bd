package io.orderchat.shared;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

	/**
	 * What a send's batch threw when the watchdog had aborted its connection under an
	 * outage (DatabaseOutageIT saw it answered INTERNAL): the rollback of a closed
	 * connection, without an SQL state.
	 */
	@Test
	void aRollbackOnAClosedConnectionIsAnOutage() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		assertThat(DatabaseOutage.isOutage(rollback)).isTrue();
	}

	@Test
	void aConnectionStateIsAnOutageAndAConstraintIsNot() {
		assertThat(DatabaseOutage.isOutage(new SQLException("gone", "08006"))).isTrue();
		assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("duplicate key"))).isFalse();
	}

}
