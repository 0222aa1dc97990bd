package io.orderchat.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules do to a conversation after they have authorised it themselves: start
 * one for their subject (order, dispute, support session), find it, post system messages,
 * clean it, close it. Nothing here checks a caller; changes publish their domain events
 * ({@link MessagePosted}, {@link ConversationCleaned}) inside their transaction — listen
 * after commit with {@code @TransactionalEventListener}.
 */
@Service
public class ConversationManagement {

	private final Conversations conversations;

	private final Participants participants;

	private final Messages messages;

	private final MessageLog log;

	private final Membership membership;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConversationManagement(Conversations conversations, Participants participants, Messages messages, MessageLog log,
			Membership membership, ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.participants = participants;
		this.messages = messages;
		this.log = log;
		this.membership = membership;
		this.events = events;
		this.clock = clock;
	}

	/** The conversation, unchecked. */
	@Transactional(readOnly = true)
	public Optional<Conversation> find(ConversationId id) {
		return this.conversations.find(id);
	}

	/** A message by id, unchecked (callers check access to its conversation). */
	@Transactional(readOnly = true)
	public Optional<Message> findMessage(UUID messageId) {
		return this.messages.find(messageId);
	}

	/**
	 * The conversation of a subject (an order's, dispute's or session's id), unchecked.
	 */
	@Transactional(readOnly = true)
	public Optional<ConversationId> forSubject(ConversationKind kind, String subjectId) {
		return this.conversations.findBySubject(kind, subjectId).map(Conversation::id);
	}

	/**
	 * Starts the conversation of a subject with its first members and, when
	 * {@code systemText} is given, a first system message. Joins the caller's
	 * transaction.
	 */
	@Transactional
	public ConversationId start(ConversationKind kind, String subjectId, String title, List<Member> members,
			String systemText, Map<String, Object> metadata) {
		Instant now = Timestamps.now(this.clock);
		Conversation conversation = new Conversation(ConversationId.random(), kind, subjectId, title, 0, now, now);
		this.conversations.insert(conversation);
		this.membership.admitFirst(conversation, members, now);
		if (systemText != null) {
			this.log.appendSystem(conversation.id(), systemText, metadata);
		}
		return conversation.id();
	}

	/**
	 * Posts a system message and publishes {@link MessagePosted}. Joins the caller's
	 * transaction.
	 */
	@Transactional
	public Message postSystemMessage(ConversationId id, String content, Map<String, Object> metadata) {
		return this.log.appendSystem(id, content, metadata);
	}

	/**
	 * Removes every message of the conversation except system messages (they record what
	 * happened to the conversation, not what anyone said): each becomes a tombstone, so
	 * sequence numbers stay gap-free. Publishes {@link ConversationCleaned} naming the
	 * removed messages (whoever stores their files deletes them), and posts
	 * {@code systemText}. Callers decide who may clean and when (a legal hold refuses
	 * it).
	 */
	@Transactional
	public ConversationCleaned clean(ConversationId id, String byUserId, String byName, String systemText) {
		Conversation conversation = this.conversations.lock(id)
			.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		Instant now = Timestamps.now(this.clock);
		List<Message> removed = this.messages.cleanable(id);
		for (Message message : removed) {
			this.messages.tombstone(message.id(), now);
		}
		int images = (int) removed.stream().filter((m) -> m.type() == MessageType.IMAGE).count();
		ConversationCleaned cleaned = new ConversationCleaned(ConversationRef.of(conversation),
				removed.stream().map(Message::id).toList(), removed.size(), images, byUserId, byName,
				Set.copyOf(this.participants.activeUserIds(id)), now);
		this.events.publishEvent(cleaned);
		if (systemText != null) {
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("event", "conversation.cleaned");
			metadata.put("by", byUserId);
			metadata.put("messagesRemoved", removed.size());
			metadata.put("imagesRemoved", images);
			this.log.appendSystem(id, systemText, metadata);
		}
		return cleaned;
	}

	/**
	 * Closes the conversation: from now on sends are refused with
	 * {@code CONVERSATION_CLOSED}. Posts {@code systemText} when given (before closing it
	 * to users). Answers false when it already was closed.
	 */
	@Transactional
	public boolean close(ConversationId id, String systemText, Map<String, Object> metadata) {
		this.conversations.lock(id).orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		if (this.conversations.isClosed(id)) {
			return false;
		}
		if (systemText != null) {
			this.log.appendSystem(id, systemText, metadata);
		}
		return this.conversations.close(id, Timestamps.now(this.clock));
	}

}
