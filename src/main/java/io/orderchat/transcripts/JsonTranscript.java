package io.orderchat.transcripts;

import java.io.OutputStream;
import java.time.Instant;

import io.orderchat.transcripts.ExportedMessage.ExportedFile;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON array of message objects, written with Jackson's streaming generator one message
 * at a time. An array rather than NDJSON: one standard document that every JSON tool
 * opens; it is still written (and can be read) incrementally.
 */
final class JsonTranscript implements TranscriptWriter {

	private final JsonGenerator json;

	JsonTranscript(JsonMapper mapper, OutputStream out) {
		this.json = mapper.createGenerator(out);
	}

	@Override
	public void begin(TranscriptHeader header) {
		this.json.writeStartArray();
	}

	@Override
	public void write(ExportedMessage message) {
		this.json.writeStartObject();
		this.json.writeNumberProperty("seq", message.seq());
		this.json.writeStringProperty("time", iso(message.time()));
		this.json.writeName("sender");
		if (message.senderId() == null) {
			this.json.writeNull();
		}
		else {
			this.json.writeStartObject();
			this.json.writeStringProperty("id", message.senderId());
			this.json.writeStringProperty("name", message.senderName());
			this.json.writeStringProperty("role", message.senderRole());
			this.json.writeEndObject();
		}
		this.json.writeStringProperty("type", message.type());
		this.json.writeStringProperty("content", message.content());
		this.json.writeBooleanProperty("internalNote", message.internalNote());
		this.json.writeName("replyTo");
		if (message.replyTo() != null) {
			this.json.writeNumber(message.replyTo());
		}
		else {
			this.json.writeNull();
		}
		this.json.writeBooleanProperty("deleted", message.deleted());
		this.json.writeStringProperty("deletedAt", iso(message.deletedAt()));
		this.json.writeName("attachments");
		this.json.writeStartArray();
		for (ExportedFile file : message.files()) {
			this.json.writeStartObject();
			this.json.writeStringProperty("name", file.name());
			this.json.writeNumberProperty("size", file.size());
			this.json.writeStringProperty("type", file.type());
			this.json.writeStringProperty("url", file.url());
			this.json.writeStringProperty("download", file.download());
			this.json.writeEndObject();
		}
		this.json.writeEndArray();
		this.json.writeEndObject();
	}

	@Override
	public void flush() {
		this.json.flush();
	}

	@Override
	public void end() {
		this.json.writeEndArray();
		this.json.close();
	}

	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
