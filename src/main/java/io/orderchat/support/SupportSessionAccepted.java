package io.orderchat.support;

/**
 * An agent took the session (accepted it, or was assigned it): it is active with them.
 * {@code previousAgentId} is set when an active session was reassigned.
 */
public record SupportSessionAccepted(SupportSession session, String previousAgentId, String byUserId) {
}
