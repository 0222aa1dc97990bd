package io.orderchat.transcripts;

import java.io.IOException;

/**
 * Writes one transcript in one format: the header, the messages in seq order, the end.
 * {@link #flush} pushes what is written so far to the client after each page.
 */
interface TranscriptWriter {

	void begin(TranscriptHeader header) throws IOException;

	void write(ExportedMessage message) throws IOException;

	void flush() throws IOException;

	void end() throws IOException;

}
