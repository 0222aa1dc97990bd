package io.orderchat.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

	/** One user's send: who, where, what. */
	record UserSend(Caller caller, ConversationId id, MessageType type, String content, String clientId,
			Map<String, Object> metadata) {

		// identity, not value, equality: two identical resends are two sends
		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

	/**
	 * What became of one send: the stored (or earlier stored) message, or its refusal.
	 */
	record Outcome(SendResult result, DomainException refusal) {

		SendResult orThrow() {
			if (this.refusal != null) {
				throw this.refusal;
			}
			return this.result;
		}

	}

	@Transactional
	SendResult appendFromUser(Caller caller, ConversationId id, MessageType type, String content, String clientId,
			Map<String, Object> metadata) {
		return appendAll(List.of(new UserSend(caller, id, type, content, clientId, metadata))).get(0).orThrow();
	}

	/**
	 * Stores users' sends in one transaction: their conversations locked once, in id
	 * order, the rows inserted with one statement and {@code last_seq} moved with one.
	 * Each send is checked on its own — access, a closed conversation, a resend of a
	 * stored client id (also within the batch) — and refused alone; the outcomes come in
	 * the order of the sends. {@link MessagePosted} is published inside the transaction
	 * for each stored message, so nothing is delivered before it is committed.
	 */
	@Transactional
	List<Outcome> appendAll(List<UserSend> sends) {
		Set<ConversationId> ids = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
		sends.forEach((send) -> ids.add(send.id()));
		Map<ConversationId, Conversation> locked = this.conversations.lockAll(ids);
		// lockAll finds only the conversations that exist; the others' sends are refused
		// below
		Map<ConversationId, Set<String>> members = this.participants.activeUserIds(locked.keySet());
		Set<ConversationId> closed = this.conversations.closedAmong(locked.keySet());
		Map<ConversationId, Long> lastSeqs = new LinkedHashMap<>();
		Map<String, Message> sentInBatch = new HashMap<>();
		List<Outcome> outcomes = new ArrayList<>();
		List<Message> stored = new ArrayList<>();
		Instant now = Timestamps.now(this.clock);
		for (UserSend send : sends) {
			Conversation conversation = locked.get(send.id());
			DomainException refusal = refusal(send, conversation, members, closed);
			if (refusal != null) {
				outcomes.add(new Outcome(null, refusal));
				continue;
			}
			String key = send.id() + "\n" + send.caller().userId() + "\n" + send.clientId();
			Message earlier = (send.clientId() != null) ? sentInBatch.computeIfAbsent(key,
					(k) -> this.messages.findByClientId(send.id(), send.caller().userId(), send.clientId())
						.orElse(null))
					: null;
			if (earlier != null) {
				outcomes.add(new Outcome(new SendResult(earlier, true), null));
				continue;
			}
			long seq = lastSeqs.getOrDefault(send.id(), conversation.lastSeq()) + 1;
			lastSeqs.put(send.id(), seq);
			Caller caller = send.caller();
			Message message = new Message(UUID.randomUUID(), send.id(), seq, send.type(), send.content(),
					caller.userId(), caller.name(), caller.role(), send.clientId(), (send.metadata() != null)
							? Collections.unmodifiableMap(new LinkedHashMap<>(send.metadata())) : null,
					now, null);
			if (send.clientId() != null) {
				sentInBatch.put(key, message);
			}
			stored.add(message);
			outcomes.add(new Outcome(new SendResult(message, false), null));
		}
		if (!stored.isEmpty()) {
			this.messages.insertAll(stored);
			this.conversations.advanceAll(lastSeqs, now);
			for (Message message : stored) {
				this.events.publishEvent(new MessagePosted(message, Set.copyOf(members.get(message.conversationId()))));
			}
		}
		return outcomes;
	}

	private static DomainException refusal(UserSend send, Conversation conversation,
			Map<ConversationId, Set<String>> members, Set<ConversationId> closed) {
		if (conversation == null) {
			return DomainException.notFound("No conversation '" + send.id() + "'");
		}
		boolean participant = members.getOrDefault(send.id(), Set.of()).contains(send.caller().userId());
		if (!AccessPolicy.mayAccess(send.caller(), conversation.kind(), participant)) {
			return DomainException.forbidden("You are not a participant of this conversation");
		}
		if (closed.contains(send.id())) {
			return new DomainException(ErrorCode.CONVERSATION_CLOSED,
					"This conversation is closed and accepts no new messages");
		}
		return null;
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
