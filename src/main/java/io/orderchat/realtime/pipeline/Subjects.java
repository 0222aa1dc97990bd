package io.orderchat.realtime.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.orderchat.conversations.Conversation;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.realtime.events.Subject;
import io.orderchat.shared.DomainException;

/**
 * What a conversation is about, remembered: kind and subject never change, and every
 * delivered event needs them, so the fan-out asks the database once per conversation
 * rather than once per message. Bounded by Caffeine, which keeps the busy conversations.
 */
public class Subjects {

	private static final int CAPACITY = 100_000;

	private final Cache<ConversationId, Subject> known = Caffeine.newBuilder()
		.maximumSize(CAPACITY)
		.executor(Runnable::run)
		.build();

	private final ConversationManagement conversations;

	public Subjects(ConversationManagement conversations) {
		this.conversations = conversations;
	}

	public Subject of(ConversationId id) {
		Subject subject = this.known.getIfPresent(id);
		if (subject == null) {
			subject = of(this.conversations.find(id)
				.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'")));
		}
		return subject;
	}

	public Subject of(Conversation conversation) {
		Subject subject = new Subject(conversation.id().toString(), conversation.kind(), conversation.subjectId());
		this.known.put(conversation.id(), subject);
		return subject;
	}

}
