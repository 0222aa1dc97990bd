package io.orderchat.conversations;

import java.util.Set;

/**
 * A conversation read under its row lock with everything a send is checked against:
 * whether it is closed and who takes part now. Closing and changing participants take the
 * same lock, so these cannot change until the sends' transaction ends.
 */
record LockedConversation(Conversation conversation, boolean closed, Set<String> activeMembers) {
}
