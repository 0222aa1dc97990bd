package io.orderchat.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes part in a conversation, and the changes other modules make to it once their
 * workflow calls for them (an order taken, a dispute or support session assigned). Who
 * may make such a change is the {@link MembershipPolicy}'s call, applied here to every
 * one; each publishes {@link ParticipantJoined} or {@link ParticipantLeft} and
 * {@link MembershipChanged} inside its transaction.
 */
@Service
public class Membership {

	private final Conversations conversations;

	private final Participants participants;

	private final MessageLog log;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Membership(Conversations conversations, Participants participants, MessageLog log, ApplicationEventPublisher events,
			Clock clock) {
		this.conversations = conversations;
		this.participants = participants;
		this.log = log;
		this.events = events;
		this.clock = clock;
	}

	/** The active participants, unchecked. */
	@Transactional(readOnly = true)
	public List<Participant> participants(ConversationId id) {
		return this.participants.active(id);
	}

	/**
	 * The conversations each of the users takes part in now, unchecked (e.g. to tell
	 * their members of presence changes), in one query; a user in none has no entry. One
	 * statement needs no transaction of its own: skipping it saves a begin and a commit
	 * per batch of connects and disconnects.
	 */
	public Map<String, List<ConversationId>> conversationsOf(Collection<String> userIds) {
		return this.participants.activeConversationsOf(userIds);
	}

	/**
	 * Whom each of the users shares an order or dispute conversation with now, unchecked
	 * (seed 004 tells them of the user's presence wherever they are), in one query; a
	 * user with none has no entry.
	 */
	public Map<String, Set<String>> counterpartsOf(Collection<String> userIds) {
		return this.participants.counterpartsOf(userIds);
	}

	/**
	 * {@code actor} makes {@code member} an active participant (again) and posts
	 * {@code systemText} when given; refused unless the {@link MembershipPolicy} lets the
	 * actor, and published as {@link MembershipChanged} for the audit trail. A newcomer
	 * starts with everything before the join read. Answers false when they already were
	 * an active participant in that role (then nothing happens).
	 */
	@Transactional
	public boolean addParticipant(Caller actor, ConversationId id, Member member, String systemText) {
		Conversation conversation = this.conversations.lock(id)
			.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		MembershipPolicy.require(actor, conversation.kind());
		Optional<Participant> existing = this.participants.find(id, member.userId());
		if (existing.filter(Participant::active).filter((p) -> p.role() == member.role()).isPresent()) {
			return false;
		}
		Instant now = Timestamps.now(this.clock);
		if (existing.isPresent()) {
			this.participants.rejoin(id, member, now);
		}
		else {
			this.participants.insert(id, member, conversation.lastSeq(), now);
		}
		publishJoined(conversation, member.userId(), now);
		this.events.publishEvent(new MembershipChanged(id, conversation.kind(), conversation.subjectId(), actor,
				member.userId(), member.role(), true, now));
		if (systemText != null) {
			this.log.appendSystem(id, systemText,
					Map.of("event", "participant.joined", "userId", member.userId(), "role", member.role().wire()));
		}
		return true;
	}

	/**
	 * {@code actor} takes a participant out; from now on they are refused unless staff
	 * rules let them in. Refused unless the {@link MembershipPolicy} lets the actor, and
	 * published as {@link MembershipChanged}. Posts {@code systemText} (after they left,
	 * so they do not receive it) when given. Answers false when they were not an active
	 * participant.
	 */
	@Transactional
	public boolean removeParticipant(Caller actor, ConversationId id, String userId, String systemText) {
		Conversation conversation = this.conversations.lock(id)
			.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		MembershipPolicy.require(actor, conversation.kind());
		Instant now = Timestamps.now(this.clock);
		if (!this.participants.leave(id, userId, now)) {
			return false;
		}
		Participant left = this.participants.find(id, userId).orElseThrow();
		this.events.publishEvent(new ParticipantLeft(ConversationRef.of(conversation), left, now));
		this.events.publishEvent(new MembershipChanged(id, conversation.kind(), conversation.subjectId(), actor, userId,
				left.role(), false, now));
		if (systemText != null) {
			this.log.appendSystem(id, systemText,
					Map.of("event", "participant.left", "userId", userId, "role", left.role().wire()));
		}
		return true;
	}

	/**
	 * Makes the first members of a conversation just started active participants; joins
	 * the caller's transaction.
	 */
	void admitFirst(Conversation conversation, List<Member> members, Instant now) {
		for (Member member : members) {
			if (this.participants.findActive(conversation.id(), member.userId()).isEmpty()) {
				this.participants.insert(conversation.id(), member, 0, now);
				publishJoined(conversation, member.userId(), now);
			}
		}
	}

	private void publishJoined(Conversation conversation, String userId, Instant now) {
		Participant joined = this.participants.find(conversation.id(), userId).orElseThrow();
		this.events.publishEvent(new ParticipantJoined(ConversationRef.of(conversation), joined, now));
	}

}
