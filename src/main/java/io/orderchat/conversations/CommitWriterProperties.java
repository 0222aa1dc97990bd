package io.orderchat.conversations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the message commit writers (see {@link GroupCommit}).
 *
 * @param statementTimeout how long one batch's transaction may take, its statements and
 * lock waits included (whole seconds); past it the batch is rolled back and its sends
 * answered {@code UNAVAILABLE}
 * @param stuckAfter a batch still running after this long (a hung connection, a commit
 * that never returns) makes the watchdog replace its writer and answer its sends
 * {@code UNAVAILABLE}
 */
@ConfigurationProperties("orderchat.commit-writers")
record CommitWriterProperties(@DefaultValue("5s") Duration statementTimeout, @DefaultValue("8s") Duration stuckAfter) {

	/**
	 * How long a sender waits at most: the watchdog answers first, this is a backstop.
	 */
	Duration sendTimeout() {
		return this.stuckAfter.multipliedBy(2).plusSeconds(2);
	}

}
