package io.orderchat.shared;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells a database that cannot be reached or answers too slowly from any other failure:
 * those are answered {@link ErrorCode#UNAVAILABLE} (503), a transient state of the
 * server, not a fault of the request or a bug.
 */
public final class DatabaseOutage {

	private static final int MAX_CAUSES = 16;

	private DatabaseOutage() {
	}

	/**
	 * Whether {@code failure}, or one of its causes, says the database is out of reach.
	 */
	public static boolean isOutage(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof TransactionTimedOutException
					|| cause instanceof QueryTimeoutException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLTimeoutException || cause instanceof SocketException
					|| cause instanceof SocketTimeoutException) {
				return true;
			}
			if (cause instanceof SQLException sql && outageState(sql.getSQLState())) {
				return true;
			}
			if (cause instanceof TransactionSystemException) {
				// a commit or rollback that failed in JDBC: the connection went (Hikari's
				// "Connection is closed" after the writer's watchdog aborted it carries
				// no
				// SQL state), so the outcome is unknown, not a bug
				return true;
			}
		}
		return false;
	}

	/**
	 * SQL states of an outage: class 08 (connection exception), 57014 (statement
	 * cancelled by its timeout), 57P0x (server shutting down), 55P03 (PostgreSQL's
	 * lock_timeout), HYT00 (H2's lock or statement timeout).
	 */
	private static boolean outageState(String state) {
		return state != null && (state.startsWith("08") || state.equals("57014") || state.startsWith("57P")
				|| state.equals("55P03") || state.equals("HYT00"));
	}

	/**
	 * The refusal for an operation that failed on an outage. {@code outcomeUnknown} for a
	 * write that may still have been stored.
	 */
	public static DomainException unavailable(boolean outcomeUnknown) {
		return new DomainException(ErrorCode.UNAVAILABLE, outcomeUnknown
				? "The database did not confirm in time; the outcome is unknown. Resend with the same clientId, which stores it at most once"
				: "The database cannot be reached right now; nothing was changed. Retry in a moment");
	}

}
