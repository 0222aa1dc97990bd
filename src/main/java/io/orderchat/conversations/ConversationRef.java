package io.orderchat.conversations;

/**
 * What a conversation is about, as its events name it: whoever delivers an event needs
 * the kind and the subject (the order's, dispute's or support session's id) and should
 * not have to read them back from the database.
 */
public record ConversationRef(ConversationId id, ConversationKind kind, String subjectId) {

	public static ConversationRef of(Conversation conversation) {
		return new ConversationRef(conversation.id(), conversation.kind(), conversation.subjectId());
	}

}
