package io.orderchat.transcripts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV: CRLF line ends, a header row, a cell quoted when it holds a comma, quote,
 * CR or LF, quotes doubled. UTF-8 with a byte order mark: without one Excel reads a CSV
 * in the Windows code page and garbles Cyrillic names and text; LibreOffice, Numbers and
 * CSV libraries take the mark in stride. A cell that starts with {@code = + - @}, a tab
 * or a CR would run as a formula in a spreadsheet (OWASP's "CSV injection"): it gets a
 * leading apostrophe. The few lines of quoting are written here rather than pulling in a
 * CSV library, as the neutralising has to wrap every cell anyway.
 */
final class CsvTranscript implements TranscriptWriter {

	static final List<String> COLUMNS = List.of("seq", "time", "sender_id", "sender_name", "sender_role", "type",
			"internal_note", "deleted", "content", "attachments", "reply_to");

	private final Writer out;

	CsvTranscript(OutputStream out) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
	}

	@Override
	public void begin(TranscriptHeader header) throws IOException {
		this.out.write('\uFEFF');
		row(COLUMNS);
	}

	@Override
	public void write(ExportedMessage message) throws IOException {
		String files = message.files()
			.stream()
			.map((file) -> file.name() + " " + file.download())
			.collect(Collectors.joining("\n"));
		row(List.of(Long.toString(message.seq()), iso(message.time()), text(message.senderId()),
				text(message.senderName()), text(message.senderRole()), message.type(),
				Boolean.toString(message.internalNote()), Boolean.toString(message.deleted()), text(message.content()),
				files, (message.replyTo() != null) ? Long.toString(message.replyTo()) : ""));
	}

	@Override
	public void flush() throws IOException {
		this.out.flush();
	}

	@Override
	public void end() throws IOException {
		this.out.close();
	}

	private void row(List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			this.out.write(cell(cells.get(i)));
		}
		this.out.write("\r\n");
	}

	static String cell(String value) {
		String safe = neutralised(value);
		if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
			return safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

	private static String neutralised(String value) {
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

}
