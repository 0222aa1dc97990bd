package io.orderchat.conversations;

import java.util.List;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A conversation's messages for a caller who may read it, page by page or whole: deleted
 * messages come as tombstones so that the sequence has no holes, and internal notes only
 * for staff. Refuses like {@link ConversationAccess}.
 */
@Service
public class ConversationHistory {

	/** Most messages one history call returns. */
	public static final int MAX_PAGE = 200;

	private final ConversationAccess access;

	private final Participants participants;

	private final Messages messages;

	private final ChatProperties properties;

	ConversationHistory(ConversationAccess access, Participants participants, Messages messages,
			ChatProperties properties) {
		this.access = access;
		this.participants = participants;
		this.messages = messages;
		this.properties = properties;
	}

	/**
	 * Messages in ascending seq order, by keyset: with {@code afterSeq} the oldest ones
	 * after it (the catch-up after a reconnect), otherwise the newest ones before
	 * {@code beforeSeq} (or the latest). Both bound the range when given together.
	 * {@code limit} 1..200, default 50.
	 * <p>
	 * The hottest read: the access check and the page are one statement (see
	 * {@link Messages#guardedPage}), without a transaction of its own — three queries in
	 * a read-only transaction cost more than the page itself.
	 */
	public HistoryPage history(Caller caller, ConversationId id, Long beforeSeq, Long afterSeq, Integer limit) {
		int size = (limit != null) ? limit : this.properties.pageSize();
		if (size < 1 || size > MAX_PAGE) {
			throw DomainException.invalid("limit must be between 1 and " + MAX_PAGE);
		}
		if ((beforeSeq != null && beforeSeq < 0) || (afterSeq != null && afterSeq < 0)) {
			throw DomainException.invalid("before and after must not be negative");
		}
		long before = (beforeSeq != null) ? beforeSeq : Long.MAX_VALUE;
		boolean catchingUp = afterSeq != null;
		GuardedPage read = this.messages.guardedPage(id, caller.userId(), AccessPolicy.observableBy(caller),
				catchingUp ? afterSeq : 0, before, size + 1, caller.isStaff(), catchingUp);
		// the same refusals as ConversationAccess.check
		if (!read.conversationExists()) {
			throw DomainException.notFound("No conversation '" + id + "'");
		}
		if (!AccessPolicy.mayAccess(caller, read.kind(), read.participant())) {
			throw DomainException.forbidden("You are not a participant of this conversation");
		}
		return trim(read.messages(), size, !catchingUp);
	}

	/**
	 * The conversation opened for a full export, for a caller who may read it (the same
	 * refusals as {@link #history}): internal notes are in it only for staff.
	 */
	@Transactional(readOnly = true)
	public Transcript transcript(Caller caller, ConversationId id) {
		Conversation conversation = this.access.check(caller, id).conversation();
		return new Transcript(conversation, this.participants.active(id), caller.isStaff(), this.messages);
	}

	/**
	 * {@code limit} (1..200) messages from the {@code offset}-th on, oldest first: seed
	 * 003's offset paging. Staff-only notes count only for staff.
	 */
	@Transactional(readOnly = true)
	public List<Message> slice(Caller caller, ConversationId id, int offset, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw DomainException.invalid("limit must be between 1 and " + MAX_PAGE);
		}
		if (offset < 0) {
			throw DomainException.invalid("offset must not be negative");
		}
		return this.messages.slice(this.access.check(caller, id).conversation().id(), offset, limit, caller.isStaff());
	}

	/**
	 * The newest page of a conversation the caller was let into; joins the caller's
	 * transaction.
	 */
	HistoryPage latestPage(Conversation conversation, boolean staff) {
		int limit = this.properties.pageSize();
		List<Message> page = this.messages.newestBetween(conversation.id(), 0, Long.MAX_VALUE, limit + 1, staff);
		return trim(page, limit, true);
	}

	/** Drops the extra row asked for to learn whether there is more, from the far end. */
	private static HistoryPage trim(List<Message> page, int limit, boolean olderEnd) {
		if (page.size() <= limit) {
			return new HistoryPage(List.copyOf(page), false);
		}
		List<Message> kept = olderEnd ? page.subList(1, page.size()) : page.subList(0, limit);
		return new HistoryPage(List.copyOf(kept), true);
	}

}
