package io.orderchat.attachments;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.orderchat.attachments.DownloadLinks.SignedLink;
import io.orderchat.conversations.AttachedFile;
import io.orderchat.conversations.ConversationAccess;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.SendResult;
import io.orderchat.identity.Caller;
import io.orderchat.ratelimit.Limit;
import io.orderchat.ratelimit.RateLimits;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attachments module's entry point. Every file is checked before anything is kept: at
 * most {@code maxFiles} a request ({@code TOO_MANY_FILES}), within the size limit while
 * it streams ({@code FILE_TOO_LARGE}), of an allowed type by its bytes
 * ({@code UNSUPPORTED_FILE_TYPE}). Bytes go to the {@link BlobStore} first and rows to
 * the database after; when anything fails on the way, the files already stored for that
 * request are deleted again, so a refused or failed upload leaves no file behind.
 * Downloads are for those who may read the file's conversation (a pre-upload: its
 * uploader only). A deleted message's files go at once; a cleaned conversation's through
 * {@link #deleteFilesOf}.
 */
@Service
public class AttachmentService {

	private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

	private final Attachments attachments;

	private final BlobStore blobs;

	private final ConversationAccess conversationAccess;

	private final Messaging messaging;

	private final AttachmentProperties properties;

	private final DownloadLinks links;

	private final TransactionTemplate transaction;

	private final TransactionTemplate newTransaction;

	private final RateLimits rateLimits;

	private final UploadMetrics metrics;

	private final Clock clock;

	AttachmentService(Attachments attachments, BlobStore blobs, ConversationAccess conversationAccess,
			Messaging messaging, AttachmentProperties properties, DownloadLinks links,
			PlatformTransactionManager transactions, RateLimits rateLimits, UploadMetrics metrics, Clock clock) {
		this.attachments = attachments;
		this.blobs = blobs;
		this.conversationAccess = conversationAccess;
		this.messaging = messaging;
		this.properties = properties;
		this.links = links;
		this.transaction = new TransactionTemplate(transactions);
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.rateLimits = rateLimits;
		this.metrics = metrics;
		this.clock = clock;
	}

	// --- uploading and sending
	// ---------------------------------------------------------

	/**
	 * Stores files for a later message (seed 003's pre-upload). Only the uploader sees
	 * them until a message references them; unsent ones are removed after
	 * {@code pendingTtl}.
	 */
	public List<AttachedFile> upload(Caller caller, List<IncomingFile> files) {
		List<Attachment> stored = storeAll(caller, files, restLimits());
		try {
			this.transaction.executeWithoutResult((status) -> stored.forEach(this.attachments::insert));
		}
		catch (RuntimeException ex) {
			discard(stored);
			throw ex;
		}
		return stored.stream().map(Attachment::describe).toList();
	}

	/**
	 * Sends one message carrying {@code files}: an image message when all of them are
	 * images, a file message otherwise. {@code caption} is optional text. The caller's
	 * access is checked before any byte is stored.
	 */
	public SendResult sendFiles(Caller caller, ConversationId conversation, String caption, String clientId,
			List<IncomingFile> files) {
		this.conversationAccess.requireAccess(caller, conversation);
		List<Attachment> stored = storeAll(caller, files, restLimits());
		return sendStored(caller, conversation, caption, clientId, stored);
	}

	/**
	 * Sends an image that came over the socket as binary (seed 000's {@code chat:image}),
	 * under the socket's own limits (5 MB, JPEG/PNG/GIF by default).
	 */
	public SendResult sendImage(Caller caller, ConversationId conversation, byte[] image, String fileName,
			String clientId) {
		this.conversationAccess.requireAccess(caller, conversation);
		String name = (fileName != null && !fileName.isBlank()) ? fileName : "image";
		Limits limits = new Limits(this.properties.socketImageMaxSize().toBytes(), this.properties.socketImageTypes());
		List<Attachment> stored = storeAll(caller, List.of(IncomingFile.of(name, image)), limits);
		return sendStored(caller, conversation, null, clientId, stored);
	}

	/**
	 * Sends a message carrying files the caller uploaded before ({@link #upload}), by
	 * their ids. Each may be sent once; a resend with the same {@code clientId} answers
	 * with the stored message.
	 */
	public SendResult sendUploaded(Caller caller, ConversationId conversation, String caption, String clientId,
			List<UUID> attachmentIds) {
		Set<UUID> ids = new LinkedHashSet<>((attachmentIds != null) ? attachmentIds : List.of());
		if (ids.isEmpty()) {
			throw DomainException.invalid("attachments must list at least one uploaded file id");
		}
		checkCount(ids.size());
		return this.transaction.execute((status) -> {
			List<Attachment> mine = this.attachments.lockOf(caller.userId(), ids);
			if (mine.size() != ids.size()) {
				throw DomainException.notFound("No uploaded file with some of these ids: " + ids);
			}
			List<Attachment> ordered = ids.stream()
				.map((id) -> mine.stream().filter((a) -> a.id().equals(id)).findFirst().orElseThrow())
				.toList();
			SendResult result = this.messaging.sendWithFiles(caller, conversation,
					new NewMessage(typeOf(ordered), caption, clientId, null), describe(ordered));
			if (!result.duplicate() && this.attachments.claim(ids, conversation, result.message().id()) != ids.size()) {
				throw new DomainException(ErrorCode.CONFLICT, "Some of these files were already sent in a message");
			}
			return result;
		});
	}

	// --- downloading
	// ---------------------------------------------------------------------

	/** The file (or its thumbnail) for a caller who may read its conversation. */
	public Download download(Caller caller, UUID id, boolean thumbnail) {
		return open(authorised(caller, id), thumbnail);
	}

	/** The file (or its thumbnail) through a signed link, which is its own permission. */
	public Download downloadSigned(UUID id, boolean thumbnail, long expires, String signature) {
		if (!this.links.valid(id, thumbnail, expires, signature)) {
			throw DomainException.forbidden("This download link is not valid or has expired");
		}
		return open(this.attachments.find(id).orElseThrow(() -> notFound(id)), thumbnail);
	}

	/**
	 * The file's descriptor with short-lived signed links to it and its thumbnail, for
	 * {@code <img src>} and other places that cannot send a token.
	 */
	public Links links(Caller caller, UUID id) {
		Attachment attachment = authorised(caller, id);
		SignedLink file = this.links.sign(attachment, false);
		String thumbnail = (attachment.thumbnailKey() != null) ? this.links.sign(attachment, true).url() : null;
		return new Links(attachment.describe(), file.url(), thumbnail, file.expiresAt());
	}

	/**
	 * A signed link to a file that a message carries, for a caller who already passed the
	 * check of that message's conversation (a transcript's reader): unlike {@link #links}
	 * it reads nothing, so that an export can sign every file it lists.
	 */
	public Links signedLink(AttachedFile file) {
		SignedLink link = this.links.sign(file.id(), file.fileUrl(), false);
		return new Links(file, link.url(), null, link.expiresAt());
	}

	/** When the links {@link #signedLink} makes now stop working. */
	public Instant signedLinksExpireAt() {
		return this.links.expiryOfLinksSignedNow();
	}

	// --- removing
	// ------------------------------------------------------------------------

	/**
	 * Deletes every file of a conversation (for a moderator's clean of its history) and
	 * answers how many files and images went. Joins the caller's transaction: call it
	 * before the messages are removed; the rows go with the transaction and the stored
	 * bytes once it has committed (at once without a transaction).
	 */
	public RemovedFiles deleteFilesOf(ConversationId conversation) {
		List<Attachment> files = this.transaction.execute((status) -> {
			List<Attachment> found = this.attachments.ofConversation(conversation);
			this.attachments.delete(found.stream().map(Attachment::id).toList());
			return found;
		});
		afterCommit(() -> discard(files));
		return new RemovedFiles(files.size(), (int) files.stream().filter((a) -> a.type().image()).count());
	}

	/** How many images a conversation holds (seed 000's {@code imagesDeleted}). */
	public long countImagesOf(ConversationId conversation) {
		return this.attachments.countImagesOf(conversation);
	}

	/**
	 * Removes the files of messages that were deleted (one, or all of a cleaned history);
	 * runs after the delete committed.
	 */
	void deleteFilesOfMessages(java.util.Collection<UUID> messageIds) {
		List<Attachment> files = this.newTransaction.execute((status) -> {
			List<Attachment> found = new ArrayList<>();
			for (UUID messageId : messageIds) {
				found.addAll(this.attachments.ofMessage(messageId));
			}
			this.attachments.delete(found.stream().map(Attachment::id).toList());
			return found;
		});
		discard(files);
	}

	/** Removes pre-uploads nobody sent within {@code pendingTtl}; answers how many. */
	int sweepPending() {
		List<Attachment> stale = this.newTransaction.execute((status) -> {
			List<Attachment> found = this.attachments
				.pendingOlderThan(Timestamps.now(this.clock).minus(this.properties.pendingTtl()), 500);
			this.attachments.delete(found.stream().map(Attachment::id).toList());
			return found;
		});
		discard(stale);
		return stale.size();
	}

	// --- internals
	// -----------------------------------------------------------------------

	private SendResult sendStored(Caller caller, ConversationId conversation, String caption, String clientId,
			List<Attachment> stored) {
		SendResult result;
		try {
			result = this.transaction.execute((status) -> {
				stored.forEach(this.attachments::insert);
				SendResult sent = this.messaging.sendWithFiles(caller, conversation,
						new NewMessage(typeOf(stored), caption, clientId, null), describe(stored));
				if (sent.duplicate()) {
					// A resend: the stored message answers, these copies are not needed.
					status.setRollbackOnly();
					return sent;
				}
				this.attachments.claim(stored.stream().map(Attachment::id).toList(), conversation, sent.message().id());
				return sent;
			});
		}
		catch (RuntimeException ex) {
			discard(stored);
			throw ex;
		}
		if (result.duplicate()) {
			discard(stored);
		}
		return result;
	}

	/**
	 * Every upload, over REST or the socket, stores its bytes here: the per-user upload
	 * rate is spent here, before any byte is written or a thumbnail made.
	 */
	private List<Attachment> storeAll(Caller caller, List<IncomingFile> files, Limits limits) {
		List<Attachment> stored = new ArrayList<>();
		try {
			if (files == null || files.isEmpty()) {
				throw DomainException.invalid("No file was sent; send files in the 'attachments' field");
			}
			checkCount(files.size());
			this.rateLimits.spend(Limit.UPLOADS, caller.userId());
			for (IncomingFile file : files) {
				stored.add(store(caller, file, limits));
			}
			stored.forEach((attachment) -> this.metrics.stored(attachment.size()));
			return stored;
		}
		catch (RuntimeException ex) {
			discard(stored);
			if (ex instanceof DomainException refused) {
				this.metrics.refused(refused.code());
			}
			throw ex;
		}
	}

	private Attachment store(Caller caller, IncomingFile file, Limits limits) {
		String name = (file.originalName() != null) ? file.originalName() : "file";
		if (file.declaredSize() > limits.maxBytes()) {
			throw LimitedInputStream.tooLarge(name, limits.maxBytes());
		}
		UUID id = UUID.randomUUID();
		LimitedInputStream limited = null;
		String key = null;
		try (InputStream raw = file.source().open()) {
			limited = new LimitedInputStream(raw, limits.maxBytes(), name);
			BufferedInputStream in = new BufferedInputStream(limited, FileTypeDetector.HEAD);
			in.mark(FileTypeDetector.HEAD);
			byte[] head = in.readNBytes(FileTypeDetector.HEAD);
			in.reset();
			if (head.length == 0) {
				throw DomainException.invalid("'" + name + "' is empty");
			}
			FileType type = FileTypeDetector.detect(head, head.length, name)
				.filter(limits.types()::contains)
				.orElseThrow(() -> unsupported(name, head, limits));
			key = id.toString().substring(0, 2) + "/" + id + "." + type.extension();
			this.blobs.put(key, in, file.declaredSize(), type.contentType());
			String thumbnailKey = thumbnail(id, key, type);
			return new Attachment(id, caller.userId(), null, null, key, FileNames.sanitise(name, type), type,
					limited.count(), thumbnailKey, Timestamps.now(this.clock));
		}
		catch (IOException | RuntimeException ex) {
			if (key != null) {
				deleteQuietly(key);
				deleteQuietly(thumbnailKey(id));
			}
			if (limited != null && limited.count() > limits.maxBytes()) {
				// The limit tripped inside a store that wrapped our exception.
				throw LimitedInputStream.tooLarge(name, limits.maxBytes());
			}
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("Could not store '" + name + "'", io);
			}
			throw (RuntimeException) ex;
		}
	}

	private String thumbnail(UUID id, String key, FileType type) throws IOException {
		if (!type.image()) {
			return null;
		}
		Optional<byte[]> thumbnail;
		try (InputStream image = this.blobs.open(key)) {
			thumbnail = Thumbnails.of(image, this.properties.thumbnailSize());
		}
		if (thumbnail.isEmpty()) {
			return null;
		}
		byte[] png = thumbnail.get();
		this.blobs.put(thumbnailKey(id), new ByteArrayInputStream(png), png.length, "image/png");
		return thumbnailKey(id);
	}

	private static String thumbnailKey(UUID id) {
		return id.toString().substring(0, 2) + "/" + id + "-thumbnail.png";
	}

	private Download open(Attachment attachment, boolean thumbnail) {
		String key = thumbnail ? attachment.thumbnailKey() : attachment.storageKey();
		if (key == null) {
			throw DomainException.notFound("'" + attachment.fileName() + "' has no thumbnail");
		}
		try {
			InputStream content = this.blobs.open(key);
			if (thumbnail) {
				String base = attachment.fileName().replaceFirst("\\.[^.]+$", "");
				return new Download(base + "-thumbnail.png", "image/png", -1, true, content);
			}
			return new Download(attachment.fileName(), attachment.type().contentType(), attachment.size(),
					attachment.type().inline(), content);
		}
		catch (NoSuchFileException ex) {
			throw DomainException.notFound("The file of attachment '" + attachment.id() + "' is gone");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Attachment authorised(Caller caller, UUID id) {
		Attachment attachment = this.attachments.find(id).orElseThrow(() -> notFound(id));
		boolean allowed = attachment.pending() ? attachment.uploaderId().equals(caller.userId())
				: this.conversationAccess.mayAccess(caller, attachment.conversationId());
		if (!allowed) {
			throw DomainException.forbidden("You may not read this file's conversation");
		}
		return attachment;
	}

	private void checkCount(int count) {
		if (count > this.properties.maxFiles()) {
			throw new DomainException(ErrorCode.TOO_MANY_FILES,
					"At most " + this.properties.maxFiles() + " files may be sent at once; this request has " + count);
		}
	}

	private Limits restLimits() {
		return new Limits(this.properties.maxFileSize().toBytes(), this.properties.allowedTypes());
	}

	private static DomainException unsupported(String name, byte[] head, Limits limits) {
		String allowed = limits.types()
			.stream()
			.sorted()
			.map((t) -> t.name().toUpperCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
		return new DomainException(ErrorCode.UNSUPPORTED_FILE_TYPE, "'" + name + "' is not an allowed file type (its "
				+ "content is " + FileTypeDetector.describe(head, head.length) + "); allowed: " + allowed);
	}

	private static DomainException notFound(UUID id) {
		return DomainException.notFound("No attachment '" + id + "'");
	}

	private static MessageType typeOf(List<Attachment> files) {
		return files.stream().allMatch((a) -> a.type().image()) ? MessageType.IMAGE : MessageType.FILE;
	}

	private static List<AttachedFile> describe(List<Attachment> files) {
		return files.stream().map(Attachment::describe).toList();
	}

	private void discard(List<Attachment> files) {
		for (Attachment file : files) {
			deleteQuietly(file.storageKey());
			if (file.thumbnailKey() != null) {
				deleteQuietly(file.thumbnailKey());
			}
		}
	}

	private void deleteQuietly(String key) {
		try {
			this.blobs.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete stored file {} from {}: {}", key, this.blobs, ex.getMessage());
		}
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	/** The limits of one channel. */
	private record Limits(long maxBytes, Set<FileType> types) {
	}

	/** What {@link #deleteFilesOf} removed. */
	public record RemovedFiles(int files, int images) {
	}

	/** A file's descriptor and signed links to it (null thumbnail when it has none). */
	public record Links(AttachedFile file, String signedUrl, String signedThumbnailUrl, java.time.Instant expiresAt) {
	}

	/**
	 * A file to send: its safe name, content type, size (-1 when unknown), whether to
	 * show it in place, and its bytes (the receiver closes them).
	 */
	public record Download(String fileName, String contentType, long size, boolean inline, InputStream content) {
	}

}
