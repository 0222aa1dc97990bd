package io.orderchat.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.orderchat.conversations.ConversationAccess.Granted;
import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's conversations and what they have read in them: the list, the opened
 * conversation, unread counts, and the read horizon that {@link #markRead} moves
 * (publishing {@link ReadHorizonMoved}). Refuses like {@link ConversationAccess}.
 */
@Service
public class Inbox {

	private final ConversationAccess access;

	private final ConversationHistory history;

	private final Conversations conversations;

	private final Participants participants;

	private final Messages messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inbox(ConversationAccess access, ConversationHistory history, Conversations conversations,
			Participants participants, Messages messages, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.history = history;
		this.conversations = conversations;
		this.participants = participants;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The conversation with its participants, the caller's horizon and unread count, and
	 * the latest page.
	 */
	@Transactional(readOnly = true)
	public ConversationView open(Caller caller, ConversationId id) {
		Granted access = this.access.check(caller, id);
		Conversation conversation = access.conversation();
		HistoryPage page = this.history.latestPage(conversation, caller.isStaff());
		return new ConversationView(conversation, this.participants.active(id), conversation.lastSeq(),
				access.readSeq(), unreadCount(access), page.messages(), page.hasMore());
	}

	/**
	 * A page of the conversations the caller takes part in, most recently active first:
	 * {@code limit} (1..200) of them from the {@code offset}-th on.
	 */
	@Transactional(readOnly = true)
	public List<ConversationSummary> mine(Caller caller, long offset, int limit) {
		if (limit < 1 || limit > ConversationHistory.MAX_PAGE) {
			throw DomainException.invalid("limit must be between 1 and " + ConversationHistory.MAX_PAGE);
		}
		if (offset < 0) {
			throw DomainException.invalid("offset must not be negative");
		}
		List<Unread.Count> page = this.messages.unreadOf(caller.userId(), offset, limit);
		if (page.isEmpty()) {
			return List.of();
		}
		Map<ConversationId, Message> last = this.messages
			.lastOfEachConversation(page.stream().map(Unread.Count::conversationId).toList())
			.stream()
			.collect(Collectors.toMap(Message::conversationId, Function.identity()));
		List<ConversationSummary> summaries = new ArrayList<>();
		for (Unread.Count count : page) {
			Conversation conversation = this.conversations.find(count.conversationId()).orElseThrow();
			long readSeq = this.participants.find(conversation.id(), caller.userId())
				.map(Participant::readSeq)
				.orElse(0L);
			summaries
				.add(new ConversationSummary(conversation, readSeq, count.unreadCount(), last.get(conversation.id())));
		}
		return summaries;
	}

	/**
	 * The newest message everyone may read (no staff note, not deleted) of each of the
	 * conversations, in one query, unchecked: for lists of conversations the caller was
	 * already allowed to see. A conversation without one has no entry.
	 */
	@Transactional(readOnly = true)
	public Map<ConversationId, Message> lastMessages(Collection<ConversationId> ids) {
		return this.messages.lastOfEachConversation(ids)
			.stream()
			.collect(Collectors.toMap(Message::conversationId, Function.identity()));
	}

	/**
	 * Unread messages of the caller in each conversation they take part in, and the
	 * total.
	 */
	@Transactional(readOnly = true)
	public Unread unread(Caller caller) {
		List<Unread.Count> counts = this.messages.unreadOf(caller.userId());
		return new Unread(counts.stream().mapToLong(Unread.Count::unreadCount).sum(), counts);
	}

	/** The caller's unread messages in one conversation (0 for a staff observer). */
	@Transactional(readOnly = true)
	public long unreadCount(Caller caller, ConversationId id) {
		return unreadCount(this.access.check(caller, id));
	}

	/**
	 * Moves the caller's read horizon forward to {@code uptoSeq} (the latest message when
	 * null; capped at the latest) and publishes {@link ReadHorizonMoved} when it moved.
	 * The horizon never moves back. Staff observing a conversation they do not take part
	 * in have no horizon: nothing is stored for them.
	 */
	@Transactional
	public ReadReceipt markRead(Caller caller, ConversationId id, Long uptoSeq) {
		if (uptoSeq != null && uptoSeq < 0) {
			throw DomainException.invalid("seq must not be negative");
		}
		return moveHorizon(caller, this.access.check(caller, id), uptoSeq);
	}

	/**
	 * Marks read up to the newest of the given messages of the conversation (ids of other
	 * conversations are ignored); everything when {@code messageIds} is null or empty.
	 */
	@Transactional
	public ReadReceipt markReadMessages(Caller caller, ConversationId id, List<UUID> messageIds) {
		if (messageIds == null || messageIds.isEmpty()) {
			return markRead(caller, id, (Long) null);
		}
		Granted access = this.access.check(caller, id);
		return moveHorizon(caller, access, this.messages.maxSeqOf(id, messageIds));
	}

	private ReadReceipt moveHorizon(Caller caller, Granted access, Long uptoSeq) {
		ConversationId id = access.conversation().id();
		long lastSeq = access.conversation().lastSeq();
		long target = (uptoSeq != null) ? Math.min(uptoSeq, lastSeq) : lastSeq;
		Instant now = Timestamps.now(this.clock);
		if (access.participant().isEmpty()) {
			return new ReadReceipt(id, caller.userId(), target, 0, false, now);
		}
		boolean moved = this.participants.moveHorizon(id, caller.userId(), target);
		Participant participant = this.participants.find(id, caller.userId()).orElseThrow();
		long unread = this.messages.unreadIn(id, caller.userId(), participant.readSeq());
		if (moved) {
			this.events.publishEvent(new ReadHorizonMoved(ConversationRef.of(access.conversation()), caller.userId(),
					participant.readSeq(), unread, now));
		}
		return new ReadReceipt(id, caller.userId(), participant.readSeq(), unread, moved, now);
	}

	private long unreadCount(Granted access) {
		return access.participant()
			.map((p) -> this.messages.unreadIn(access.conversation().id(), p.userId(), p.readSeq()))
			.orElse(0L);
	}

}
