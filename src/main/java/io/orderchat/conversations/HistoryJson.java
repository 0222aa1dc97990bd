package io.orderchat.conversations;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import io.orderchat.identity.Role;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes a history page in the REST envelope, {@code {"success":true,"data":{"messages":
 * [...],"hasMore":...}}}, field by field with the application's {@link JsonMapper}
 * generator into one array — byte for byte what the mapper writes for
 * {@code ApiResponse.ok(page)} (HistoryJsonTest and HistoryAccessIT hold it to that).
 * History is the busiest read (scenario (e) of docs/benchmarks.md), and the converter
 * path with Jackson's bean serializer (reflective reads of a message's twelve components,
 * written to the servlet stream in pieces) was a third of its server CPU; this and
 * writing the array in one go took that to about a quarter. {@code metadata}, free-form,
 * still goes through the mapper.
 */
@Component
class HistoryJson {

	private static final Map<MessageType, String> TYPES = wireNames(MessageType.class, MessageType::wire);

	private static final Map<Role, String> ROLES = wireNames(Role.class, Role::wire);

	private final JsonMapper mapper;

	HistoryJson(JsonMapper mapper) {
		this.mapper = mapper;
	}

	byte[] render(HistoryPage page) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 400 * page.messages().size());
		try (JsonGenerator json = this.mapper.createGenerator(out)) {
			json.writeStartObject();
			json.writeBooleanProperty("success", true);
			json.writeName("data");
			json.writeStartObject();
			json.writeName("messages");
			json.writeStartArray();
			for (Message message : page.messages()) {
				write(json, message);
			}
			json.writeEndArray();
			json.writeBooleanProperty("hasMore", page.hasMore());
			json.writeEndObject();
			json.writeEndObject();
		}
		return out.toByteArray();
	}

	/**
	 * A {@link Message} with its record components in declaration order, nulls included.
	 */
	private static void write(JsonGenerator json, Message message) {
		json.writeStartObject();
		string(json, "id", message.id().toString());
		string(json, "conversationId", message.conversationId().toString());
		json.writeNumberProperty("seq", message.seq());
		json.writeStringProperty("type", TYPES.get(message.type()));
		string(json, "content", message.content());
		string(json, "senderId", message.senderId());
		string(json, "senderName", message.senderName());
		json.writeStringProperty("senderRole", (message.senderRole() != null) ? ROLES.get(message.senderRole()) : null);
		string(json, "clientId", message.clientId());
		json.writePOJOProperty("metadata", message.metadata());
		string(json, "createdAt", iso(message.createdAt()));
		string(json, "deletedAt", iso(message.deletedAt()));
		writeQuote(json, message.replyTo());
		json.writeName("reactions");
		json.writeStartArray();
		for (Reaction reaction : message.reactions()) {
			json.writeStartObject();
			json.writeStringProperty("emoji", reaction.emoji());
			json.writeNumberProperty("count", reaction.count());
			json.writeName("userIds");
			json.writeStartArray();
			for (String userId : reaction.userIds()) {
				json.writeString(userId);
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeEndObject();
	}

	private static void writeQuote(JsonGenerator json, Quote quote) {
		json.writeName("replyTo");
		if (quote == null) {
			json.writeNull();
			return;
		}
		json.writeStartObject();
		json.writeNumberProperty("seq", quote.seq());
		string(json, "senderName", quote.senderName());
		string(json, "excerpt", quote.excerpt());
		json.writeBooleanProperty("deleted", quote.deleted());
		json.writeEndObject();
	}

	/**
	 * Most strings here are plain ASCII (ids, timestamps, most text): those go out as
	 * their bytes in one copy, the rest through the generator's escaping, char by char.
	 */
	private static void string(JsonGenerator json, String name, String value) {
		json.writeName(name);
		if (value == null) {
			json.writeNull();
			return;
		}
		if (verbatim(value)) {
			byte[] ascii = value.getBytes(StandardCharsets.ISO_8859_1);
			json.writeRawUTF8String(ascii, 0, ascii.length);
		}
		else {
			json.writeString(value);
		}
	}

	/**
	 * Printable ASCII other than the quote and the backslash: JSON's verbatim characters.
	 */
	private static boolean verbatim(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	/** ISO-8601 in UTC, as Jackson's {@code InstantSerializer} writes it. */
	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static <E extends Enum<E>> Map<E, String> wireNames(Class<E> type, Function<E, String> wire) {
		Map<E, String> names = new EnumMap<>(type);
		for (E constant : type.getEnumConstants()) {
			names.put(constant, wire.apply(constant));
		}
		return names;
	}

}
