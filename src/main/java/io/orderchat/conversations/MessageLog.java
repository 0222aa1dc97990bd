package io.orderchat.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends messages. Each append locks its conversation's row, takes {@code last_seq + 1}
 * and stores the message in the same transaction, so sequence numbers are gap-free and
 * strictly increasing however many nodes and threads send at once. Under the lock a
 * resend with a known client id finds the stored message instead of storing a second one.
 */
@Component
class MessageLog {

	private final Conversations conversations;

	private final Participants participants;

	private final Messages messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MessageLog(Conversations conversations, Participants participants, Messages messages,
			ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.participants = participants;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	SendResult appendFromUser(Caller caller, ConversationId id, MessageType type, String content, String clientId,
			Map<String, Object> metadata) {
		Conversation conversation = this.conversations.lock(id)
			.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		boolean participant = this.participants.find(id, caller.userId()).filter(Participant::active).isPresent();
		if (!AccessPolicy.mayAccess(caller, conversation.kind(), participant)) {
			throw DomainException.forbidden("You are not a participant of this conversation");
		}
		if (this.conversations.isClosed(id)) {
			throw new DomainException(ErrorCode.CONVERSATION_CLOSED,
					"This conversation is closed and accepts no new messages");
		}
		if (clientId != null) {
			var stored = this.messages.findByClientId(id, caller.userId(), clientId);
			if (stored.isPresent()) {
				return new SendResult(stored.get(), true);
			}
		}
		Message message = append(conversation, type, content, caller.userId(), caller.name(), caller.role(), clientId,
				metadata);
		return new SendResult(message, false);
	}

	/**
	 * Stores a staff-only note from the caller (who the service checked is staff). It is
	 * not a {@link MessagePosted}: whoever delivers messages to everyone never sees it.
	 * {@link InternalNoteAdded} names the staff participants.
	 */
	@Transactional
	Message appendNote(Caller caller, ConversationId id, String content, Map<String, Object> metadata) {
		Conversation conversation = this.conversations.lock(id)
			.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		Instant now = Timestamps.now(this.clock);
		Map<String, Object> noteMetadata = new LinkedHashMap<>((metadata != null) ? metadata : Map.of());
		noteMetadata.put(Message.VISIBILITY, Message.STAFF);
		Message message = new Message(UUID.randomUUID(), conversation.id(), conversation.lastSeq() + 1,
				MessageType.TEXT, content, caller.userId(), caller.name(), caller.role(), null,
				Collections.unmodifiableMap(noteMetadata), now, null);
		this.messages.insert(message);
		this.conversations.advance(conversation.id(), message.seq(), now);
		Set<String> staff = this.participants.active(id)
			.stream()
			.filter((p) -> p.role().isStaff())
			.map(Participant::userId)
			.collect(Collectors.toSet());
		this.events.publishEvent(new InternalNoteAdded(message, conversation.kind(), staff));
		return message;
	}

	@Transactional
	Message appendSystem(ConversationId id, String content, Map<String, Object> metadata) {
		Conversation conversation = this.conversations.lock(id)
			.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		return append(conversation, MessageType.SYSTEM, content, null, null, null, null, metadata);
	}

	private Message append(Conversation conversation, MessageType type, String content, String senderId,
			String senderName, Role senderRole, String clientId, Map<String, Object> metadata) {
		Instant now = Timestamps.now(this.clock);
		Message message = new Message(UUID.randomUUID(), conversation.id(), conversation.lastSeq() + 1, type, content,
				senderId, senderName, senderRole, clientId,
				(metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : null, now, null);
		this.messages.insert(message);
		this.conversations.advance(conversation.id(), message.seq(), now);
		this.events
			.publishEvent(new MessagePosted(message, Set.copyOf(this.participants.activeUserIds(conversation.id()))));
		return message;
	}

}
