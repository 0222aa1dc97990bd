package io.orderchat.realtime.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.orderchat.conversations.Conversation;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationService;
import io.orderchat.realtime.gateway.RealtimeEvent.Subject;
import io.orderchat.shared.DomainException;

/**
 * What a conversation is about, remembered: kind and subject never change, and every
 * delivered event needs them, so the fan-out asks the database once per conversation
 * rather than once per message.
 */

class Subjects {

	private static final int CAPACITY = 100_000;

	private final Map<ConversationId, Subject> known = new ConcurrentHashMap<>();

	private final ConversationService conversations;

	Subjects(ConversationService conversations) {
		this.conversations = conversations;
	}

	Subject of(ConversationId id) {
		Subject subject = this.known.get(id);
		if (subject == null) {
			subject = of(this.conversations.find(id)
				.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'")));
		}
		return subject;
	}

	Subject of(Conversation conversation) {
		Subject subject = new Subject(conversation.id().toString(), conversation.kind(), conversation.subjectId());
		if (this.known.size() >= CAPACITY) {
			this.known.clear();
		}
		this.known.put(conversation.id(), subject);
		return subject;
	}

}
