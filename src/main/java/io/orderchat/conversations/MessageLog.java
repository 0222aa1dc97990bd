package io.orderchat.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.orderchat.conversations.Messages.ClientKey;
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
 * Every append is on disk once its transaction has committed (see {@link DiskSync}).
 */
@Component
class MessageLog {

	private final Conversations conversations;

	private final Participants participants;

	private final Messages messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DiskSync diskSync;

	MessageLog(Conversations conversations, Participants participants, Messages messages,
			ApplicationEventPublisher events, Clock clock, DiskSync diskSync) {
		this.conversations = conversations;
		this.participants = participants;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
		this.diskSync = diskSync;
	}

	/** One user's send: who, where, what, and the message it quotes, if any. */
	record UserSend(Caller caller, ConversationId id, MessageType type, String content, String clientId,
			Map<String, Object> metadata, Quote replyTo) {

		// identity, not value, equality: two identical resends are two sends
		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

		ClientKey clientKey() {
			return new ClientKey(this.id, this.caller.userId(), this.clientId);
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
	SendResult appendFromUser(UserSend send) {
		return appendAll(List.of(send)).get(0).orThrow();
	}

	/**
	 * Stores users' sends in one transaction: their conversations locked once, in id
	 * order (read with their members and whether they are closed), the earlier copies of
	 * resent client ids found with one query, the rows inserted with one statement and
	 * {@code last_seq} moved with one. Each send is checked on its own — access, a closed
	 * conversation, a resend of a stored client id (also within the batch) — and refused
	 * alone; the outcomes come in the order of the sends. {@link MessagePosted} is
	 * published inside the transaction for each stored message, so nothing is delivered
	 * before it is committed.
	 */
	@Transactional
	List<Outcome> appendAll(List<UserSend> sends) {
		Set<ConversationId> ids = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
		sends.forEach((send) -> ids.add(send.id()));
		// only the conversations that exist are locked; the others' sends are refused
		// below
		Map<ConversationId, LockedConversation> locked = this.conversations.lockForSending(ids);
		List<DomainException> refusals = new ArrayList<>(sends.size());
		List<ClientKey> resendable = new ArrayList<>();
		for (UserSend send : sends) {
			DomainException refusal = refusal(send, locked.get(send.id()));
			refusals.add(refusal);
			if (refusal == null && send.clientId() != null) {
				resendable.add(send.clientKey());
			}
		}
		// under the locks no other copy can be stored: what is not found here is new
		Map<ClientKey, Message> sentBefore = this.messages.findByClientIds(resendable);
		Map<ConversationId, Long> lastSeqs = new LinkedHashMap<>();
		List<Outcome> outcomes = new ArrayList<>(sends.size());
		List<Message> stored = new ArrayList<>();
		Instant now = Timestamps.now(this.clock);
		for (int i = 0; i < sends.size(); i++) {
			UserSend send = sends.get(i);
			if (refusals.get(i) != null) {
				outcomes.add(new Outcome(null, refusals.get(i)));
				continue;
			}
			Message earlier = (send.clientId() != null) ? sentBefore.get(send.clientKey()) : null;
			if (earlier != null) {
				outcomes.add(new Outcome(new SendResult(earlier, true), null));
				continue;
			}
			long seq = lastSeqs.getOrDefault(send.id(), locked.get(send.id()).lastSeq()) + 1;
			lastSeqs.put(send.id(), seq);
			Caller caller = send.caller();
			Message message = new Message(UUID.randomUUID(), send.id(), seq, send.type(), send.content(),
					caller.userId(), caller.name(), caller.role(), send.clientId(), (send.metadata() != null)
							? Collections.unmodifiableMap(new LinkedHashMap<>(send.metadata())) : null,
					now, null, send.replyTo(), List.of());
			if (send.clientId() != null) {
				// a later copy in this batch is a resend of this one
				sentBefore.put(send.clientKey(), message);
			}
			stored.add(message);
			outcomes.add(new Outcome(new SendResult(message, false), null));
		}
		if (!stored.isEmpty()) {
			this.diskSync.afterThisCommit();
			this.messages.insertAll(stored);
			this.conversations.advanceAll(lastSeqs, now);
			for (Message message : stored) {
				LockedConversation conversation = locked.get(message.conversationId());
				this.events.publishEvent(
						new MessagePosted(message, conversation.ref(), Set.copyOf(conversation.activeMembers())));
			}
		}
		return outcomes;
	}

	private static DomainException refusal(UserSend send, LockedConversation locked) {
		if (locked == null) {
			return DomainException.notFound("No conversation '" + send.id() + "'");
		}
		boolean participant = locked.activeMembers().contains(send.caller().userId());
		if (!AccessPolicy.mayAccess(send.caller(), locked.kind(), participant)) {
			return DomainException.forbidden("You are not a participant of this conversation");
		}
		if (locked.closed()) {
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
				Collections.unmodifiableMap(noteMetadata), now, null, null, List.of());
		this.diskSync.afterThisCommit();
		this.messages.insert(message);
		this.conversations.advance(conversation.id(), message.seq(), now);
		Set<String> staff = this.participants.active(id)
			.stream()
			.filter((p) -> p.role().isStaff())
			.map(Participant::userId)
			.collect(Collectors.toSet());
		this.events.publishEvent(new InternalNoteAdded(message, ConversationRef.of(conversation), staff));
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
				(metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : null, now, null, null,
				List.of());
		this.diskSync.afterThisCommit();
		this.messages.insert(message);
		this.conversations.advance(conversation.id(), message.seq(), now);
		this.events.publishEvent(new MessagePosted(message, ConversationRef.of(conversation),
				Set.copyOf(this.participants.activeUserIds(conversation.id()))));
		return message;
	}

}
