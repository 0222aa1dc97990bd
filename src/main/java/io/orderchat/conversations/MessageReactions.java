package io.orderchat.conversations;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.orderchat.conversations.ConversationAccess.Granted;
import io.orderchat.identity.Caller;
import io.orderchat.ratelimit.Limit;
import io.orderchat.ratelimit.RateLimits;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reactions to the messages of a conversation the caller may access (refused like
 * {@link ConversationAccess}): each user adds or removes an emoji ({@link ReactionEmoji})
 * once per message; doing it again changes nothing and publishes nothing. Internal notes
 * take no reactions (their reactions would need a staff-only delivery of their own), a
 * deleted message neither ({@code MESSAGE_DELETED}).
 */
@Service
public class MessageReactions {

	private final ConversationAccess access;

	private final Participants participants;

	private final Messages messages;

	private final Reactions reactions;

	private final ApplicationEventPublisher events;

	private final RateLimits limits;

	private final Clock clock;

	MessageReactions(ConversationAccess access, Participants participants, Messages messages, Reactions reactions,
			ApplicationEventPublisher events, RateLimits limits, Clock clock) {
		this.access = access;
		this.participants = participants;
		this.messages = messages;
		this.reactions = reactions;
		this.events = events;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Adds ({@code add}) or removes the caller's {@code emoji} on message {@code seq};
	 * answers with the message's reactions afterwards. Publishes {@link ReactionsChanged}
	 * only when something changed.
	 */
	@Transactional
	public ReactionsChanged react(Caller caller, ConversationId id, long seq, String emoji, boolean add) {
		String checked = ReactionEmoji.checked(emoji);
		Granted granted = this.access.check(caller, id);
		this.limits.spend(Limit.REACTIONS, caller.userId());
		Message message = this.messages.lockBySeq(id, seq)
			.filter((found) -> caller.isStaff() || !found.staffOnly())
			.orElseThrow(() -> DomainException.notFound("No message " + seq + " in conversation '" + id + "'"));
		if (message.staffOnly()) {
			throw DomainException.forbidden("Internal notes take no reactions");
		}
		if (message.deleted()) {
			throw new DomainException(ErrorCode.MESSAGE_DELETED, "Message " + seq + " is deleted");
		}
		boolean changed = add ? this.reactions.add(message.id(), caller.userId(), checked, Timestamps.now(this.clock))
				: this.reactions.remove(message.id(), caller.userId(), checked);
		List<Reaction> now = changed ? this.reactions.of(message.id()) : message.reactions();
		ReactionsChanged result = new ReactionsChanged(ConversationRef.of(granted.conversation()), message.id(), seq,
				now, caller.userId(), Set.copyOf(this.participants.activeUserIds(id)));
		if (changed) {
			this.messages.writeReactions(message.id(), now);
			this.events.publishEvent(result);
		}
		return result;
	}

}
