package io.orderchat.conversations;

import java.util.Set;

/**
 * A message was stored. Published inside the storing transaction; listen with
 * {@code @TransactionalEventListener} (after commit). {@code recipientUserIds} are the
 * active participants, the sender included (their other devices need it).
 */
public record MessagePosted(Message message, ConversationRef conversation, Set<String> recipientUserIds) {
}
