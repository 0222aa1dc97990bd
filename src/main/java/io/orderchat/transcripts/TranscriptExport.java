package io.orderchat.transcripts;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.attachments.AttachmentService;
import io.orderchat.conversations.AttachedFile;
import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.Transcript;
import io.orderchat.identity.Caller;
import io.orderchat.transcripts.ExportedMessage.ExportedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Exports a conversation for a reader who may read its history (the conversations
 * module's own check: participants, and staff by their role's reach). Messages are read
 * {@value #PAGE} at a time by seq and written as they come, so memory stays flat however
 * long the conversation. File links are signed per file
 * ({@link AttachmentService#signedLink}, an HMAC and no lookup): they open without a
 * token, which a saved page or a spreadsheet cannot send, for
 * {@code orderchat.attachments.download-link-ttl}; the stable {@code url} (token needed)
 * is in the JSON too.
 */
@Service
public class TranscriptExport {

	static final int PAGE = 500;

	private static final Logger logger = LoggerFactory.getLogger(TranscriptExport.class);

	private final ConversationHistory history;

	private final AttachmentService attachments;

	private final JsonMapper mapper;

	private final Clock clock;

	TranscriptExport(ConversationHistory history, AttachmentService attachments, JsonMapper mapper, Clock clock) {
		this.history = history;
		this.attachments = attachments;
		this.mapper = mapper;
		this.clock = clock;
	}

	/** Refuses with NOT_FOUND or FORBIDDEN as history does. */
	Transcript open(Caller caller, ConversationId id) {
		return this.history.transcript(caller, id);
	}

	/**
	 * Writes the whole transcript; {@code baseUrl} (scheme, host and context path) makes
	 * file links absolute, so that they work from a saved file.
	 */
	Exported write(Caller caller, Transcript transcript, ExportFormat format, String baseUrl, OutputStream out)
			throws IOException {
		TranscriptWriter writer = switch (format) {
			case JSON -> new JsonTranscript(this.mapper, out);
			case CSV -> new CsvTranscript(out);
			case HTML -> new HtmlTranscript(out);
		};
		Instant now = this.clock.instant();
		Instant linksExpire = this.attachments.signedLinksExpireAt();
		writer.begin(
				new TranscriptHeader(transcript.conversation().id().toString(), transcript.conversation().kind().wire(),
						transcript.conversation().subjectId(), transcript.conversation().title(),
						transcript.participants().stream().map((p) -> p.name() + " (" + p.role().wire() + ")").toList(),
						caller.name() + " (" + caller.role().wire() + ")", transcript.forStaff(), now, linksExpire));
		long after = 0;
		int pages = 0;
		long messages = 0;
		List<Message> page;
		while (!(page = transcript.pageAfter(after, PAGE)).isEmpty()) {
			pages++;
			for (Message message : page) {
				writer.write(exported(message, baseUrl));
				after = message.seq();
				messages++;
			}
			writer.flush();
		}
		writer.end();
		logger.info("Exported conversation {} as {}: {} messages in {} pages", transcript.conversation().id(),
				format.extension(), messages, pages);
		return new Exported(messages, pages);
	}

	private ExportedMessage exported(Message message, String baseUrl) {
		return new ExportedMessage(message.seq(), message.createdAt(), message.senderId(), message.senderName(),
				(message.senderRole() != null) ? message.senderRole().wire() : null, message.type().wire(),
				message.deleted() ? null : message.content(), message.staffOnly(), message.deletedAt(),
				message.deleted() ? List.of() : files(message, baseUrl),
				(message.replyTo() != null) ? message.replyTo().seq() : null);
	}

	/** The files in {@code metadata.attachments}, which only the server sets. */
	private List<ExportedFile> files(Message message, String baseUrl) {
		if (message.metadata() == null
				|| !(message.metadata().get(AttachedFile.METADATA_KEY) instanceof List<?> list)) {
			return List.of();
		}
		List<ExportedFile> files = new ArrayList<>(list.size());
		for (Object item : list) {
			if (item instanceof Map<?, ?> map && map.get("id") != null) {
				AttachedFile file = new AttachedFile(UUID.fromString(map.get("id").toString()),
						String.valueOf(map.get("file_name")), String.valueOf(map.get("file_url")),
						(map.get("file_size") instanceof Number size) ? size.longValue() : 0,
						String.valueOf(map.get("file_type")), null);
				files.add(new ExportedFile(file.fileName(), file.fileSize(), file.fileType(), baseUrl + file.fileUrl(),
						baseUrl + this.attachments.signedLink(file).signedUrl()));
			}
		}
		return files;
	}

	/** What one export wrote: its messages and the pages they were read in. */
	record Exported(long messages, int pages) {
	}

}
