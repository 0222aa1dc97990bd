package io.orderchat.support;

/**
 * A session's status changed (also on accept, waiting → active); {@code session} is the
 * session after the change.
 */
public record SupportSessionStatusChanged(SupportSession session, SupportStatus from, SupportStatus to,
		String byUserId) {
}
