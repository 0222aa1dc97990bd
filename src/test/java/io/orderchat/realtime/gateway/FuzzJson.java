package io.orderchat.realtime.gateway;

import java.util.List;
import java.util.Random;

/**
 * Random JSON text from a seeded {@link Random}: every type, sizes from empty to tens of
 * kilobytes, nesting past any limit, numbers past every range, strings with the NUL
 * character, lone surrogates and the ids of real things (so some inputs get past the
 * access checks), and field names clients really use.
 */
final class FuzzJson {

	static final List<String> FIELDS = List.of("conversationId", "orderId", "roomId", "content", "message", "clientId",
			"tempId", "temp_id", "session_id", "sessionId", "disputeId", "messageId", "message_ids", "messageIds",
			"metadata", "type", "message_type", "messageType", "senderType", "limit", "offset", "page", "before",
			"after", "beforeSeq", "afterSeq", "seq", "lastSeq", "conversations", "isTyping", "status", "notes",
			"reason", "resolution", "toModeratorId", "agent_id", "subject", "category", "priority", "restaurant_id",
			"initial_message", "is_internal", "attachments", "file", "fileName", "exchangeMethod", "amount",
			"externalId", "customer", "performer", "id", "name", "title", "userId", "visibility", "token");

	private final Random random;

	private final List<String> ids;

	FuzzJson(Random random, List<String> ids) {
		this.random = random;
		this.ids = ids;
	}

	/** A value of any type. */
	String value(int depth) {
		int pick = this.random.nextInt((depth > 3) ? 8 : 11);
		return switch (pick) {
			case 0 -> "null";
			case 1 -> this.random.nextBoolean() ? "true" : "false";
			case 2 -> number();
			case 3, 4, 5 -> quote(string());
			case 6 -> quote(id());
			case 7 -> Long.toString(this.random.nextInt(100));
			case 8 -> array(depth + 1);
			default -> object(depth + 1);
		};
	}

	/** An object of known and unknown fields. */
	String object(int depth) {
		StringBuilder json = new StringBuilder("{");
		int fields = this.random.nextInt(6);
		for (int i = 0; i < fields; i++) {
			json.append((i == 0) ? "" : ",").append(quote(fieldName())).append(':').append(value(depth));
		}
		return json.append('}').toString();
	}

	String array(int depth) {
		StringBuilder json = new StringBuilder("[");
		int items = this.random.nextInt(5);
		for (int i = 0; i < items; i++) {
			json.append((i == 0) ? "" : ",").append(value(depth));
		}
		return json.append(']').toString();
	}

	/** A payload: mostly an object, sometimes anything else or something pathological. */
	String payload() {
		return switch (this.random.nextInt(12)) {
			case 0 -> value(0);
			case 1 -> nested(this.random.nextBoolean() ? 450 : 2000);
			case 2 -> "{\"content\":" + quote("x".repeat(this.random.nextInt(20_000))) + "}";
			case 3 -> "{\"metadata\":" + nested(this.random.nextInt(50)) + ",\"content\":\"m\"}";
			default -> object(0);
		};
	}

	/** {@code levels} nested objects or lists. */
	String nested(int levels) {
		boolean lists = this.random.nextBoolean();
		return (lists ? "[" : "{\"a\":").repeat(levels) + "1" + (lists ? "]" : "}").repeat(levels);
	}

	String fieldName() {
		return switch (this.random.nextInt(10)) {
			case 0 -> string();
			case 1 -> "a\u0000b";
			default -> FIELDS.get(this.random.nextInt(FIELDS.size()));
		};
	}

	String id() {
		return this.ids.get(this.random.nextInt(this.ids.size()));
	}

	String number() {
		return switch (this.random.nextInt(10)) {
			case 0 -> "4294967306";
			case 1 -> "-9223372036854775809";
			case 2 -> "99999999999999999999999999999";
			case 3 -> "1e400";
			case 4 -> "-0.0";
			case 5 -> "1.5";
			case 6 -> "9".repeat(1200);
			case 7 -> Integer.toString(Integer.MIN_VALUE);
			default -> Integer.toString(this.random.nextInt(1000) - 100);
		};
	}

	String string() {
		return switch (this.random.nextInt(12)) {
			case 0 -> "";
			case 1 -> "a\u0000b";
			case 2 -> "\u0000";
			case 3 -> "x".repeat(this.random.nextInt(6000));
			case 4 -> "\ud800";
			case 5 -> "💬 ünïcödé";
			case 6 -> "' OR 1=1 --";
			case 7 -> "../../etc/passwd";
			case 8 -> "<script>alert(1)</script>";
			case 9 -> "pending";
			default -> Long.toString(this.random.nextLong(), 36);
		};
	}

	/** {@code text} as a JSON string, escaped so that any character survives. */
	static String quote(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

}
