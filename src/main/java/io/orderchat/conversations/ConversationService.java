package io.orderchat.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.ratelimit.Limit;
import io.orderchat.ratelimit.RateLimits;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversations module's entry point. Every operation that takes a {@link Caller}
 * checks that the caller may touch the conversation (see {@link #mayAccess}) and refuses
 * with {@code NOT_FOUND} or {@code FORBIDDEN}; the operations without a caller are for
 * other modules, which have authorised the action themselves.
 * <p>
 * Changes publish domain events ({@link MessagePosted}, {@link MessageDeleted},
 * {@link ReadHorizonMoved}, {@link ParticipantJoined}, {@link ParticipantLeft},
 * {@link MembershipChanged}) inside their transaction; listen after commit with
 * {@code @TransactionalEventListener}. Who may add or remove participants is the
 * {@link MembershipPolicy}'s call, applied here to every such change.
 */
@Service
public class ConversationService {

	/** Most messages one history call returns. */
	public static final int MAX_PAGE = 200;

	private static final int MAX_CLIENT_ID = 100;

	private final Conversations conversations;

	private final Participants participants;

	private final Messages messages;

	private final MessageLog log;

	private final GroupCommit groupCommit;

	private final ApplicationEventPublisher events;

	private final ChatProperties properties;

	private final ClientMetadata clientMetadata;

	private final RateLimits limits;

	private final Clock clock;

	ConversationService(Conversations conversations, Participants participants, Messages messages, MessageLog log,
			GroupCommit groupCommit, ApplicationEventPublisher events, ChatProperties properties, RateLimits limits,
			Clock clock) {
		this.conversations = conversations;
		this.participants = participants;
		this.messages = messages;
		this.log = log;
		this.groupCommit = groupCommit;
		this.events = events;
		this.properties = properties;
		this.clientMetadata = new ClientMetadata(properties);
		this.limits = limits;
		this.clock = clock;
	}

	// --- reading
	// ---------------------------------------------------------------------------

	/**
	 * The conversation with its participants, the caller's horizon and unread count, and
	 * the latest page.
	 */
	@Transactional(readOnly = true)
	public ConversationView open(Caller caller, ConversationId id) {
		Access access = access(caller, id);
		Conversation conversation = access.conversation();
		HistoryPage page = page(conversation, null, null, this.properties.pageSize(), caller.isStaff());
		return new ConversationView(conversation, this.participants.active(id), conversation.lastSeq(),
				access.readSeq(), unreadCount(access), page.messages(), page.hasMore());
	}

	/**
	 * Messages in ascending seq order, by keyset: with {@code afterSeq} the oldest ones
	 * after it (the catch-up after a reconnect), otherwise the newest ones before
	 * {@code beforeSeq} (or the latest). Both bound the range when given together.
	 * {@code limit} 1..200, default 50. Deleted messages come as tombstones so that the
	 * sequence has no holes.
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
		// the same refusals as access(caller, id)
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
		Conversation conversation = access(caller, id).conversation();
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
		return this.messages.slice(access(caller, id).conversation().id(), offset, limit, caller.isStaff());
	}

	/** A message by id, unchecked (callers check access to its conversation). */
	@Transactional(readOnly = true)
	public Optional<Message> findMessage(UUID messageId) {
		return this.messages.find(messageId);
	}

	/** Whether the conversation was closed and refuses new messages. */
	@Transactional(readOnly = true)
	public boolean isClosed(ConversationId id) {
		return this.conversations.isClosed(id);
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
		return unreadCount(access(caller, id));
	}

	/**
	 * A page of the conversations the caller takes part in, most recently active first:
	 * {@code limit} (1..200) of them from the {@code offset}-th on.
	 */
	@Transactional(readOnly = true)
	public List<ConversationSummary> mine(Caller caller, long offset, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw DomainException.invalid("limit must be between 1 and " + MAX_PAGE);
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
	 * Whether the caller may read and write the conversation (false when it does not
	 * exist).
	 */
	@Transactional(readOnly = true)
	public boolean mayAccess(Caller caller, ConversationId id) {
		return this.conversations.find(id)
			.map((conversation) -> AccessPolicy.mayAccess(caller, conversation.kind(),
					activeParticipant(id, caller.userId()).isPresent()))
			.orElse(false);
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
	 * it.
	 */
	@Transactional(readOnly = true)
	public Conversation requireAccess(Caller caller, ConversationId id) {
		return access(caller, id).conversation();
	}

	/** The conversation, unchecked. */
	@Transactional(readOnly = true)
	public Optional<Conversation> find(ConversationId id) {
		return this.conversations.find(id);
	}

	/** The active participants' user ids. */
	@Transactional(readOnly = true)
	public List<String> memberUserIds(ConversationId id) {
		return this.participants.activeUserIds(id);
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

	/** The active participants. */
	@Transactional(readOnly = true)
	public List<Participant> participants(ConversationId id) {
		return this.participants.active(id);
	}

	/** The conversation of an order (by the order's id, not its external id). */
	@Transactional(readOnly = true)
	public Optional<ConversationId> forOrder(String orderId) {
		return forSubject(ConversationKind.ORDER, orderId);
	}

	@Transactional(readOnly = true)
	public Optional<ConversationId> forSubject(ConversationKind kind, String subjectId) {
		return this.conversations.findBySubject(kind, subjectId).map(Conversation::id);
	}

	// --- writing as a user
	// ---------------------------------------------------------------

	/**
	 * Stores a text message from the caller and publishes {@link MessagePosted}. The
	 * content is trimmed; it must not be empty ({@code CONTENT_EMPTY}) nor longer than
	 * the configured limit ({@code CONTENT_TOO_LONG}). System messages come from the
	 * server; image and file messages go through {@link #sendWithFiles} (the attachments
	 * module), which is why {@code metadata.attachments} is refused here. A resend with
	 * the same {@code clientId} answers with the stored message and
	 * {@code duplicate = true}, also when the copies race each other.
	 */
	public SendResult send(Caller caller, ConversationId id, NewMessage message) {
		MessageType type = (message.type() != null) ? message.type() : MessageType.TEXT;
		if (type == MessageType.SYSTEM) {
			throw DomainException.forbidden("System messages come only from the server");
		}
		if (type != MessageType.TEXT) {
			throw DomainException.invalid("A '" + type.wire()
					+ "' message needs files: upload them with the message, or reference uploaded attachments");
		}
		if (message.metadata() != null && message.metadata().containsKey(AttachedFile.METADATA_KEY)) {
			throw DomainException
				.invalid("metadata.attachments is set by the server; reference uploaded attachments instead");
		}
		this.clientMetadata.check(message.metadata());
		return append(caller, id, type, checkedContent(message.content()), message.clientId(), message.metadata());
	}

	/**
	 * Stores an image or file message carrying {@code files}, which the attachments
	 * module has checked and stored, and publishes {@link MessagePosted}. The content is
	 * an optional caption (trimmed, within the length limit). The files are listed in
	 * {@code metadata.attachments}. Joins the caller's transaction, so a failure after it
	 * (claiming the files) takes the message back.
	 */
	@Transactional
	public SendResult sendWithFiles(Caller caller, ConversationId id, NewMessage message, List<AttachedFile> files) {
		MessageType type = message.type();
		if (type != MessageType.IMAGE && type != MessageType.FILE) {
			throw DomainException.invalid("A message with files is an 'image' or a 'file' message");
		}
		if (files == null || files.isEmpty()) {
			throw DomainException.invalid("An '" + type.wire() + "' message needs at least one file");
		}
		String caption = (message.content() != null) ? message.content().strip() : "";
		Inputs.requireNoNul(caption, "content");
		this.clientMetadata.check(message.metadata());
		if (caption.length() > this.properties.maxContentLength()) {
			throw new DomainException(ErrorCode.CONTENT_TOO_LONG, "A caption may have at most "
					+ this.properties.maxContentLength() + " characters; this one has " + caption.length());
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		if (message.metadata() != null) {
			metadata.putAll(message.metadata());
		}
		metadata.put(AttachedFile.METADATA_KEY, files.stream().map(AttachedFile::toMetadata).toList());
		return append(caller, id, type, caption, message.clientId(), metadata);
	}

	/**
	 * Every message a user sends passes here, whichever REST endpoint or socket
	 * vocabulary it came by, so the per-user message rate is spent here, once.
	 */
	private SendResult append(Caller caller, ConversationId id, MessageType type, String content, String rawClientId,
			Map<String, Object> metadata) {
		String clientId = checkedClientId(rawClientId);
		this.limits.spend(Limit.MESSAGES, caller.userId());
		try {
			// batched with other senders' messages: one commit for many (see GroupCommit)
			return this.groupCommit.append(caller, id, type, content, clientId, metadata);
		}
		catch (DuplicateKeyException ex) {
			// A copy with the same client id committed between our check and our insert
			// (the row lock makes this rare): the stored one is the answer.
			if (clientId == null) {
				throw ex;
			}
			return this.messages.findByClientId(id, caller.userId(), clientId)
				.map((stored) -> new SendResult(stored, true))
				.orElseThrow(() -> ex);
		}
	}

	/**
	 * Deletes a message: only its sender (or an admin) may. The message stays as a
	 * tombstone with its seq; content and metadata are removed. Deleting a deleted
	 * message answers as before.
	 */
	@Transactional
	public MessageDeleted delete(Caller caller, UUID messageId) {
		Message message = this.messages.find(messageId)
			.orElseThrow(() -> DomainException.notFound("No message '" + messageId + "'"));
		Access access = access(caller, message.conversationId());
		if (message.type() == MessageType.SYSTEM) {
			throw DomainException.forbidden("System messages cannot be deleted");
		}
		if (!message.sentBy(caller.userId()) && !caller.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only its sender can delete a message");
		}
		Set<String> recipients = Set.copyOf(this.participants.activeUserIds(message.conversationId()));
		if (message.deleted()) {
			return new MessageDeleted(message.conversationId(), messageId, message.seq(), caller.userId(),
					message.deletedAt(), recipients);
		}
		Instant now = Timestamps.now(this.clock);
		this.messages.tombstone(messageId, now);
		MessageDeleted deleted = new MessageDeleted(access.conversation().id(), messageId, message.seq(),
				caller.userId(), now, recipients);
		this.events.publishEvent(deleted);
		return deleted;
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
		return moveHorizon(caller, access(caller, id), uptoSeq);
	}

	private ReadReceipt moveHorizon(Caller caller, Access access, Long uptoSeq) {
		ConversationId id = access.conversation().id();
		long lastSeq = access.conversation().lastSeq();
		long target = (uptoSeq != null) ? Math.min(uptoSeq, lastSeq) : lastSeq;
		Instant now = Timestamps.now(this.clock);
		if (access.participant().isEmpty()) {
			return new ReadReceipt(id, caller.userId(), target, 0, false, now);
		}
		boolean moved = this.participants.moveHorizon(id, caller.userId(), target);
		Participant participant = this.participants.find(id, caller.userId()).orElseThrow();
		if (moved) {
			this.events.publishEvent(new ReadHorizonMoved(id, caller.userId(), participant.readSeq(), now));
		}
		long unread = this.messages.unreadIn(id, caller.userId(), participant.readSeq());
		return new ReadReceipt(id, caller.userId(), participant.readSeq(), unread, moved, now);
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
		Access access = access(caller, id);
		return moveHorizon(caller, access, this.messages.maxSeqOf(id, messageIds));
	}

	/**
	 * Stores an internal note: staff only (moderators, support agents, admins who may
	 * access the conversation). Never delivered to, listed for, or counted as unread for
	 * customers and performers; publishes {@link InternalNoteAdded} instead of
	 * {@link MessagePosted}.
	 */
	public Message addNote(Caller caller, ConversationId id, String content) {
		if (!caller.isStaff()) {
			throw DomainException.forbidden("Only staff can write internal notes");
		}
		access(caller, id);
		return this.log.appendNote(caller, id, checkedContent(content), null);
	}

	// --- writing as the server (callers authorise)
	// ------------------------------------------

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
		for (Member member : members) {
			if (activeParticipant(conversation.id(), member.userId()).isEmpty()) {
				this.participants.insert(conversation.id(), member, 0, now);
				publishJoined(conversation, member.userId(), now);
			}
		}
		if (systemText != null) {
			this.log.appendSystem(conversation.id(), systemText, metadata);
		}
		return conversation.id();
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
		this.events.publishEvent(new ParticipantLeft(id, conversation.kind(), left, now));
		this.events.publishEvent(new MembershipChanged(id, conversation.kind(), conversation.subjectId(), actor, userId,
				left.role(), false, now));
		if (systemText != null) {
			this.log.appendSystem(id, systemText,
					Map.of("event", "participant.left", "userId", userId, "role", left.role().wire()));
		}
		return true;
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
		this.conversations.lock(id).orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		Instant now = Timestamps.now(this.clock);
		List<Message> removed = this.messages.cleanable(id);
		for (Message message : removed) {
			this.messages.tombstone(message.id(), now);
		}
		int images = (int) removed.stream().filter((m) -> m.type() == MessageType.IMAGE).count();
		ConversationCleaned cleaned = new ConversationCleaned(id, removed.stream().map(Message::id).toList(),
				removed.size(), images, byUserId, byName, Set.copyOf(this.participants.activeUserIds(id)), now);
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

	// --- internals
	// -----------------------------------------------------------------------

	private Access access(Caller caller, ConversationId id) {
		Conversation conversation = this.conversations.find(id)
			.orElseThrow(() -> DomainException.notFound("No conversation '" + id + "'"));
		Optional<Participant> participant = activeParticipant(id, caller.userId());
		if (!AccessPolicy.mayAccess(caller, conversation.kind(), participant.isPresent())) {
			throw DomainException.forbidden("You are not a participant of this conversation");
		}
		return new Access(conversation, participant);
	}

	private Optional<Participant> activeParticipant(ConversationId id, String userId) {
		return this.participants.find(id, userId).filter(Participant::active);
	}

	private long unreadCount(Access access) {
		return access.participant()
			.map((p) -> this.messages.unreadIn(access.conversation().id(), p.userId(), p.readSeq()))
			.orElse(0L);
	}

	private HistoryPage page(Conversation conversation, Long beforeSeq, Long afterSeq, int limit, boolean staff) {
		long before = (beforeSeq != null) ? beforeSeq : Long.MAX_VALUE;
		if (afterSeq != null) {
			List<Message> page = this.messages.oldestBetween(conversation.id(), afterSeq, before, limit + 1, staff);
			return trim(page, limit, false);
		}
		List<Message> page = this.messages.newestBetween(conversation.id(), 0, before, limit + 1, staff);
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

	private void publishJoined(Conversation conversation, String userId, Instant now) {
		Participant joined = this.participants.find(conversation.id(), userId).orElseThrow();
		this.events.publishEvent(new ParticipantJoined(conversation.id(), conversation.kind(), joined, now));
	}

	private String checkedContent(String content) {
		String trimmed = (content != null) ? content.strip() : "";
		Inputs.requireNoNul(trimmed, "content");
		if (trimmed.isEmpty()) {
			throw new DomainException(ErrorCode.CONTENT_EMPTY, "A message needs some text");
		}
		if (trimmed.length() > this.properties.maxContentLength()) {
			throw new DomainException(ErrorCode.CONTENT_TOO_LONG, "A message may have at most "
					+ this.properties.maxContentLength() + " characters; this one has " + trimmed.length());
		}
		return trimmed;
	}

	private static String checkedClientId(String clientId) {
		if (clientId == null || clientId.isBlank()) {
			return null;
		}
		String trimmed = Inputs.requireNoNul(clientId.strip(), "clientId");
		if (trimmed.length() > MAX_CLIENT_ID) {
			throw DomainException.invalid("clientId may have at most " + MAX_CLIENT_ID + " characters");
		}
		return trimmed;
	}

	/**
	 * What an access check learned: the conversation and the caller's active
	 * participation.
	 */
	private record Access(Conversation conversation, Optional<Participant> participant) {

		long readSeq() {
			return this.participant.map(Participant::readSeq).orElse(this.conversation.lastSeq());
		}

	}

}
