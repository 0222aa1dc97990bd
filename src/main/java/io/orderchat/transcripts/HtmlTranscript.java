package io.orderchat.transcripts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import io.orderchat.transcripts.ExportedMessage.ExportedFile;

import org.springframework.web.util.HtmlUtils;

/**
 * A self-contained printable page: a header (kind, subject, participants, export time)
 * and a table of the messages. No script and no external resource; its one style sheet is
 * inline, so the page also works saved to disk. The server's policy ({@code style-src
 * 'self'}) would block an inline style, so this response gets its own policy allowing
 * exactly that sheet by its hash ({@link #CONTENT_SECURITY_POLICY}) and nothing else.
 * Every user string is HTML-escaped.
 */
final class HtmlTranscript implements TranscriptWriter {

	private static final String CSS = "body{font:13px/1.4 system-ui,sans-serif;margin:1.5em;color:#111}"
			+ "h1{font-size:18px;margin:0 0 .5em}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;"
			+ "margin:0 0 1em}dt{font-weight:600}dd{margin:0}table{border-collapse:collapse;width:100%}"
			+ "th,td{border-bottom:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}"
			+ "thead{display:table-header-group}tr{page-break-inside:avoid;break-inside:avoid}"
			+ ".content{white-space:pre-wrap;overflow-wrap:anywhere}.system td{color:#555;font-style:italic}"
			+ ".note td{background:#fff6d6}.deleted .content{color:#888;font-style:italic}"
			+ ".tag{font-size:11px;font-weight:600;text-transform:uppercase;margin-right:.5em}"
			+ ".who small{display:block;color:#666}ul{margin:.3em 0 0;padding-left:1.2em}"
			+ "@media print{body{margin:0}a{color:inherit}@page{margin:1.5cm}}";

	/**
	 * This page's policy: nothing loads, no script runs, only the inline sheet above
	 * styles it.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(CSS)
			+ "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final Writer out;

	HtmlTranscript(OutputStream out) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
	}

	@Override
	public void begin(TranscriptHeader header) throws IOException {
		String subject = header.kind() + " " + header.subjectId();
		this.out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width\"><title>Transcript: " + escape(subject)
				+ "</title><style>" + CSS + "</style></head><body><header><h1>Transcript of the " + escape(subject)
				+ " conversation</h1><dl>");
		term("Conversation", header.conversationId());
		term("Kind", header.kind());
		term("Subject", header.subjectId());
		if (header.title() != null) {
			term("Title", header.title());
		}
		term("Participants", String.join(", ", header.participants()));
		term("Exported", header.exportedAt() + " by " + header.exportedBy()
				+ (header.forStaff() ? " (staff: internal notes included)" : ""));
		if (header.linksExpireAt() != null) {
			term("File links valid until", header.linksExpireAt().toString());
		}
		this.out.write("</dl></header><table><thead><tr><th>#</th><th>Time (UTC)</th><th>From</th>"
				+ "<th>Message</th></tr></thead><tbody>\n");
	}

	@Override
	public void write(ExportedMessage message) throws IOException {
		String kind = message.deleted() ? "deleted" : message.internalNote() ? "note" : message.type();
		this.out.write("<tr class=\"" + kind + "\"><td>" + message.seq() + "</td><td>" + iso(message.time())
				+ "</td><td class=\"who\">");
		if (message.senderId() == null) {
			this.out.write("System");
		}
		else {
			this.out.write(escape(message.senderName()) + "<small>" + escape(message.senderRole()) + " · "
					+ escape(message.senderId()) + "</small>");
		}
		this.out.write("</td><td>");
		if (message.internalNote()) {
			this.out.write("<span class=\"tag\">Internal note</span>");
		}
		if (message.replyTo() != null) {
			this.out.write("<span class=\"tag\">Reply to #" + message.replyTo() + "</span>");
		}
		if (message.deleted()) {
			this.out.write("<div class=\"content\">Message deleted " + iso(message.deletedAt()) + "</div>");
		}
		else if (message.content() != null) {
			this.out.write("<div class=\"content\">" + escape(message.content()) + "</div>");
		}
		if (!message.files().isEmpty()) {
			this.out.write("<ul>");
			for (ExportedFile file : message.files()) {
				this.out.write("<li><a href=\"" + escape(file.download()) + "\">" + escape(file.name()) + "</a> ("
						+ escape(file.type()) + ", " + file.size() + " bytes)</li>");
			}
			this.out.write("</ul>");
		}
		this.out.write("</td></tr>\n");
	}

	@Override
	public void flush() throws IOException {
		this.out.flush();
	}

	@Override
	public void end() throws IOException {
		this.out.write("</tbody></table></body></html>\n");
		this.out.close();
	}

	private void term(String name, String value) throws IOException {
		this.out.write("<dt>" + name + "</dt><dd>" + escape(value) + "</dd>");
	}

	private static String escape(String text) {
		return (text != null) ? HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name()) : "";
	}

	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
