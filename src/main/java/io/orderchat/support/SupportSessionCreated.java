package io.orderchat.support;

/** A customer opened a support session; it waits in the agents' queue. */
public record SupportSessionCreated(SupportSession session) {
}
