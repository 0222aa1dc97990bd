package io.orderchat.socketio;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import io.orderchat.socketio.parser.Packet;
import io.orderchat.socketio.parser.PacketEncoder;
import io.orderchat.socketio.parser.PacketType;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns application values into encoded packets: Jackson for the values, the parser for
 * the wire format.
 */
final class PacketWriter {

	private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect", "disconnecting",
			"newListener", "removeListener");

	private final ObjectMapper mapper;

	private final PacketEncoder encoder;

	PacketWriter(ObjectMapper mapper) {
		this.mapper = mapper;
		this.encoder = new PacketEncoder(mapper);
	}

	EncodedPacket event(String namespace, Long ackId, String event, Object[] args) {
		checkEventName(event);
		String json = jsonWithoutBinary(event, args);
		if (json != null) {
			return new EncodedPacket(PacketEncoder.text(PacketType.EVENT, 0, namespace, ackId, json), List.of());
		}
		ArrayNode data = JsonNodeFactory.instance.arrayNode(1 + args.length);
		data.add(event);
		addAll(data, args);
		return encode(new Packet(PacketType.EVENT, namespace, ackId, data));
	}

	/** Refuses the names Socket.IO reserves for itself. */
	static void checkEventName(String event) {
		if (event == null || RESERVED_EVENTS.contains(event)) {
			throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
		}
	}

	EncodedPacket ack(String namespace, long ackId, Object[] args) {
		String json = jsonWithoutBinary(null, args);
		if (json != null) {
			return new EncodedPacket(PacketEncoder.text(PacketType.ACK, 0, namespace, ackId, json), List.of());
		}
		ArrayNode data = JsonNodeFactory.instance.arrayNode(args.length);
		addAll(data, args);
		return encode(new Packet(PacketType.ACK, namespace, ackId, data));
	}

	/**
	 * {@code {"sid":…}} written by hand when the id needs no escaping (the server's ids
	 * are base64url): one per connect, where Jackson's tree and generator were most of
	 * the answer's cost.
	 */
	EncodedPacket connect(String namespace, String socketId) {
		if (plainJsonText(socketId)) {
			String json = "{\"sid\":\"" + socketId + "\"}";
			return new EncodedPacket(PacketEncoder.text(PacketType.CONNECT, 0, namespace, null, json), List.of());
		}
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("sid", socketId);
		return encode(Packet.of(PacketType.CONNECT, namespace, data));
	}

	/**
	 * Whether {@code text} is a JSON string's content as it is: letters, digits, - and _.
	 */
	static boolean plainJsonText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	EncodedPacket connectError(String namespace, String message, Object details) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("message", message);
		if (details != null) {
			data.set("data", toTree(details));
		}
		return encode(Packet.of(PacketType.CONNECT_ERROR, namespace, data));
	}

	EncodedPacket disconnect(String namespace) {
		return encode(Packet.of(PacketType.DISCONNECT, namespace, null));
	}

	/**
	 * {@code [event, ...args]} (or {@code [...args]}) written straight to JSON, or
	 * {@code null} if a value turned out to be binary and needs attachments: most packets
	 * have none, and skipping the tree halves their cost.
	 */
	private String jsonWithoutBinary(String event, Object[] args) {
		StringWriter out = new StringWriter(128);
		JsonGenerator generator = new BinaryRefusingGenerator(this.mapper.createGenerator(out));
		try {
			generator.writeStartArray();
			if (event != null) {
				generator.writeString(event);
			}
			for (Object arg : args) {
				this.mapper.writeValue(generator, arg);
			}
			generator.writeEndArray();
			generator.close();
		}
		catch (RuntimeException ex) {
			closeQuietly(generator);
			// Jackson wraps what a serializer throws.
			if (ex instanceof BinaryValue || ex.getCause() instanceof BinaryValue) {
				return null;
			}
			throw ex;
		}
		catch (Error ex) {
			// Not try-with-resources: closing flushes, and fails again with the very same
			// (JVM-preallocated) OutOfMemoryError, which Java cannot add to itself as
			// suppressed ("Self-suppression not permitted") — the caller would see that
			// instead, and the command's error answer would be lost.
			closeQuietly(generator);
			throw ex;
		}
		return out.toString();
	}

	/** Closes a generator that already failed; a second failure adds nothing. */
	private static void closeQuietly(JsonGenerator generator) {
		try {
			generator.close();
		}
		catch (RuntimeException | Error ignored) {
			// The first failure is the one that matters.
		}
	}

	private void addAll(ArrayNode data, Object[] args) {
		for (Object arg : args) {
			data.add(toTree(arg));
		}
	}

	private JsonNode toTree(Object value) {
		return switch (value) {
			case null -> JsonNodeFactory.instance.nullNode();
			case JsonNode node -> node;
			case byte[] bytes -> BinaryNode.valueOf(bytes);
			case ByteBuffer buffer -> {
				ByteBuffer copy = buffer.duplicate();
				byte[] bytes = new byte[copy.remaining()];
				copy.get(bytes);
				yield BinaryNode.valueOf(bytes);
			}
			default -> this.mapper.valueToTree(value);
		};
	}

	private EncodedPacket encode(Packet packet) {
		PacketEncoder.Encoded encoded = this.encoder.encode(packet);
		return new EncodedPacket(encoded.text(), encoded.attachments());
	}

	/** Met a binary value: the packet takes the tree path, which makes attachments. */
	private static final class BinaryValue extends RuntimeException {

		BinaryValue() {
			super(null, null, false, false);
		}

	}

	/** A generator that refuses binary values, for {@link #jsonWithoutBinary}. */
	private static final class BinaryRefusingGenerator extends JsonGeneratorDelegate {

		BinaryRefusingGenerator(JsonGenerator delegate) {
			super(delegate, false);
		}

		@Override
		public JsonGenerator writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
			throw new BinaryValue();
		}

		@Override
		public int writeBinary(Base64Variant variant, InputStream data, int length) {
			throw new BinaryValue();
		}

		@Override
		public JsonGenerator writeEmbeddedObject(Object object) {
			if (object instanceof byte[] || object instanceof ByteBuffer) {
				throw new BinaryValue();
			}
			return super.writeEmbeddedObject(object);
		}

	}

}
