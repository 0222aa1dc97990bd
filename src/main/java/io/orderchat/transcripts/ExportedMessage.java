package io.orderchat.transcripts;

import java.time.Instant;
import java.util.List;

/**
 * One message as a transcript shows it. A system message has no sender; a deleted (or
 * cleaned) one is a tombstone: no content and no files, {@code deletedAt} set.
 * {@code replyTo} is the seq of the message a reply quotes, which is in the transcript
 * too.
 */
record ExportedMessage(long seq, Instant time, String senderId, String senderName, String senderRole, String type,
		String content, boolean internalNote, Instant deletedAt, List<ExportedFile> files, Long replyTo) {

	boolean deleted() {
		return this.deletedAt != null;
	}

	/**
	 * A file the message carries.
	 *
	 * @param url the file's stable address; it needs the reader's token
	 * @param download a signed address that works without a token until it expires
	 */
	record ExportedFile(String name, long size, String type, String url, String download) {
	}

}
