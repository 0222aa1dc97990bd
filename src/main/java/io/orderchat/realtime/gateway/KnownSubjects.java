package io.orderchat.realtime.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.orderchat.conversations.Conversation;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.realtime.events.Subject;
import io.orderchat.shared.DomainException;

/**
 * What the conversations joined through this node are about, remembered: typing and
 * members coming and going are the gateway's own events, published without a domain event
 * to carry the subject, and typing comes once per keystroke. A join puts the subject
 * here; the database is asked only for one forgotten since. Bounded by Caffeine, which
 * keeps the busy conversations.
 */
public class KnownSubjects {

	private static final int CAPACITY = 100_000;

	private final Cache<ConversationId, Subject> known = Caffeine.newBuilder()
		.maximumSize(CAPACITY)
		.executor(Runnable::run)
		.build();

	private final ConversationManagement conversations;

	public KnownSubjects(ConversationManagement conversations) {
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
