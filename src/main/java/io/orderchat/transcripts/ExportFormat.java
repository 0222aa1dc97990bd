package io.orderchat.transcripts;

import java.util.Locale;

import io.orderchat.shared.DomainException;

/** The shapes a transcript is exported in. */
enum ExportFormat {

	/** One JSON array of message objects (not NDJSON: one document opens in any tool). */
	JSON("application/json", "json"),

	/** RFC 4180, UTF-8 with a byte order mark (see {@link CsvTranscript}). */
	CSV("text/csv; charset=utf-8", "csv"),

	/** A self-contained printable page. */
	HTML("text/html; charset=utf-8", "html");

	private final String contentType;

	private final String extension;

	ExportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extension;
	}

	static ExportFormat parse(String value) {
		for (ExportFormat format : values()) {
			if (format.extension.equals(value.strip().toLowerCase(Locale.ROOT))) {
				return format;
			}
		}
		throw DomainException.invalid("format must be json, csv or html");
	}

}
