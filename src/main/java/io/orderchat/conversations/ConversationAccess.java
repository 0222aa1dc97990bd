package io.orderchat.conversations;

import java.util.Optional;
import java.util.Set;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a caller may touch a conversation: the {@link AccessPolicy} applied to the
 * stored conversation and the caller's active participation. Every operation of
 * {@link Inbox}, {@link ConversationHistory} and {@link Messaging} passes here first;
 * other modules ask it before they act for a caller.
 */
@Service
public class ConversationAccess {

	private final Conversations conversations;

	private final Participants participants;

	ConversationAccess(Conversations conversations, Participants participants) {
		this.conversations = conversations;
		this.participants = participants;
	}

	/**
	 * Whether the caller may read and write the conversation (false when it does not
	 * exist).
	 */
	@Transactional(readOnly = true)
	public boolean mayAccess(Caller caller, ConversationId id) {
		return this.conversations.find(id)
			.map((conversation) -> AccessPolicy.mayAccess(caller, conversation.kind(),
					this.participants.findActive(id, caller.userId()).isPresent()))
			.orElse(false);
	}

	/**
	 * Refuses with {@code NOT_FOUND} or {@code FORBIDDEN} unless the caller may access
	 * it.
	 */
	@Transactional(readOnly = true)
	public Conversation requireAccess(Caller caller, ConversationId id) {
		return check(caller, id).conversation();
	}

	/**
	 * The kinds of conversation the caller may read without taking part in them (see
	 * {@link AccessPolicy}): for queries that apply the access rule themselves, in SQL.
	 */
	public Set<ConversationKind> observableKinds(Caller caller) {
		return AccessPolicy.observableBy(caller);
	}

	/**
	 * Refuses with {@code NOT_FOUND} or {@code FORBIDDEN} unless the caller may access
	 * the conversation; joins the caller's transaction.
	 */
	Granted check(Caller caller, ConversationId id) {
		Conversation conversation = this.conversations.find(id)
			.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		Optional<Participant> participant = this.participants.findActive(id, caller.userId());
		if (!AccessPolicy.mayAccess(caller, conversation.kind(), participant.isPresent())) {
			throw DomainException.forbidden("You are not a participant of this conversation");
		}
		return new Granted(conversation, participant);
	}

	/**
	 * What an access check learned: the conversation and the caller's active
	 * participation (none for staff observing it).
	 */
	record Granted(Conversation conversation, Optional<Participant> participant) {

		long readSeq() {
			return this.participant.map(Participant::readSeq).orElse(this.conversation.lastSeq());
		}

	}

}
