package io.orderchat.realtime.events;

import io.orderchat.conversations.ConversationKind;

/**
 * The conversation an event is about, with what vocabularies address it by: an order's, a
 * dispute's or a support session's id.
 */
public record Subject(String conversationId, ConversationKind kind, String subjectId) {

}
