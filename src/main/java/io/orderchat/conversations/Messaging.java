package io.orderchat.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.orderchat.conversations.ConversationAccess.Granted;
import io.orderchat.conversations.MessageLog.UserSend;
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
 * What a caller writes into a conversation they may access: messages (text, or with
 * files), internal notes, and deletions of their own messages. Every user message is
 * rate-limited and batched into a group commit here; refuses like
 * {@link ConversationAccess}.
 */
@Service
public class Messaging {

	private static final int MAX_CLIENT_ID = 100;

	private final ConversationAccess access;

	private final Participants participants;

	private final Messages messages;

	private final MessageLog log;

	private final GroupCommit groupCommit;

	private final ApplicationEventPublisher events;

	private final ChatProperties properties;

	private final ClientMetadata clientMetadata;

	private final RateLimits limits;

	private final Clock clock;

	Messaging(ConversationAccess access, Participants participants, Messages messages, MessageLog log,
			GroupCommit groupCommit, ApplicationEventPublisher events, ChatProperties properties, RateLimits limits,
			Clock clock) {
		this.access = access;
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
		return append(textSend(caller, id, message));
	}

	/**
	 * {@link #send}, without holding the caller's thread until the commit: checks the
	 * message and spends the rate now (a refusal is thrown here), queues it behind the
	 * caller's earlier sends and returns; the future completes once it is committed. A
	 * socket's messages thus share a group commit instead of waiting one commit each.
	 */
	public CompletableFuture<SendResult> sendLater(Caller caller, ConversationId id, NewMessage message) {
		UserSend send = textSend(caller, id, message);
		return this.groupCommit.appendLater(send).exceptionallyComposeAsync((failure) -> {
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			if (cause instanceof DuplicateKeyException duplicate) {
				return CompletableFuture.completedFuture(storedCopy(send, duplicate));
			}
			return CompletableFuture.failedFuture(cause);
		}, Thread::startVirtualThread);
	}

	private UserSend textSend(Caller caller, ConversationId id, NewMessage message) {
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
		String content = checkedContent(message.content());
		Quote quote = (message.replyTo() != null) ? quotable(caller, id, message.replyTo()) : null;
		return userSend(caller, id, type, content, message.clientId(), message.metadata(), quote);
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
		Quote quote = (message.replyTo() != null) ? quotable(caller, id, message.replyTo()) : null;
		return append(userSend(caller, id, type, caption, message.clientId(), metadata, quote));
	}

	/**
	 * Every message a user sends passes here, whichever REST endpoint or socket
	 * vocabulary it came by, so the per-user message rate is spent here, once.
	 */
	private UserSend userSend(Caller caller, ConversationId id, MessageType type, String content, String rawClientId,
			Map<String, Object> metadata, Quote replyTo) {
		String clientId = checkedClientId(rawClientId);
		this.limits.spend(Limit.MESSAGES, caller.userId());
		return new UserSend(caller, id, type, content, clientId, metadata, replyTo);
	}

	private SendResult append(UserSend send) {
		try {
			// batched with other senders' messages: one commit for many (see GroupCommit)
			return this.groupCommit.append(send);
		}
		catch (DuplicateKeyException ex) {
			return storedCopy(send, ex);
		}
	}

	/**
	 * A copy with the same client id committed between our check and our insert (the row
	 * lock makes this rare): the stored one is the answer.
	 */
	private SendResult storedCopy(UserSend send, DuplicateKeyException ex) {
		if (send.clientId() == null) {
			throw ex;
		}
		return this.messages.findByClientId(send.id(), send.caller().userId(), send.clientId())
			.map((stored) -> new SendResult(stored, true))
			.orElseThrow(() -> ex);
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
		Granted access = this.access.check(caller, message.conversationId());
		if (message.type() == MessageType.SYSTEM) {
			throw DomainException.forbidden("System messages cannot be deleted");
		}
		if (!message.sentBy(caller.userId()) && !caller.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only its sender can delete a message");
		}
		Set<String> recipients = Set.copyOf(this.participants.activeUserIds(message.conversationId()));
		if (message.deleted()) {
			return new MessageDeleted(ConversationRef.of(access.conversation()), messageId, message.seq(),
					caller.userId(), message.deletedAt(), recipients);
		}
		Instant now = Timestamps.now(this.clock);
		this.messages.tombstone(messageId, now);
		MessageDeleted deleted = new MessageDeleted(ConversationRef.of(access.conversation()), messageId, message.seq(),
				caller.userId(), now, recipients);
		this.events.publishEvent(deleted);
		return deleted;
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
		this.access.check(caller, id);
		return this.log.appendNote(caller, id, checkedContent(content), null);
	}

	/**
	 * The quote of message {@code seq} of the conversation, for a reply by the caller:
	 * the caller must be let into the conversation (refused like
	 * {@link ConversationAccess}), and the original must exist there, not be deleted and
	 * not be an internal note — a note's text would reach everyone with the reply
	 * ({@code REPLY_TO_INVALID}, the same for a note as for a missing message, so that a
	 * customer learns nothing of notes).
	 */
	private Quote quotable(Caller caller, ConversationId id, long seq) {
		this.access.check(caller, id);
		Message original = this.messages.findBySeq(id, seq)
			.filter((found) -> !found.deleted() && !found.staffOnly())
			.orElseThrow(() -> new DomainException(ErrorCode.REPLY_TO_INVALID,
					"replyTo " + seq + " names no message of this conversation that can be quoted"));
		return Quote.of(original);
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

}
