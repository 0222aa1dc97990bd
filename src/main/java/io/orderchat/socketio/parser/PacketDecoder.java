package io.orderchat.socketio.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Socket.IO v5 packets from one connection's messages, validating them as the
 * reference parser does. A BINARY_EVENT or BINARY_ACK is held until all its attachments
 * have arrived. Stateful and not thread-safe: one decoder per connection, fed in order.
 */
public final class PacketDecoder {

	private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect", "disconnecting",
			"newListener", "removeListener");

	private final ObjectMapper mapper;

	private final int maxAttachments;

	private Packet reconstructing;

	private int expectedAttachments;

	private List<byte[]> attachments;

	/**
	 * @param maxAttachments the most binary attachments one packet may announce; bounds
	 * what a client can make the server hold
	 */
	public PacketDecoder(ObjectMapper mapper, int maxAttachments) {
		this.mapper = mapper;
		this.maxAttachments = maxAttachments;
	}

	/**
	 * Decodes a text message.
	 * @return the packet, or {@code null} if it waits for binary attachments
	 */
	public Packet decode(String text) throws ParseException {
		if (this.reconstructing != null) {
			throw new ParseException("got plaintext data when reconstructing a packet");
		}
		Packet packet = decodeText(text);
		if (!packet.type().isBinary() || this.expectedAttachments == 0) {
			return packet;
		}
		this.reconstructing = packet;
		this.attachments = new ArrayList<>(this.expectedAttachments);
		return null;
	}

	/**
	 * Decodes a binary message, which must be an awaited attachment.
	 * @return the completed packet, or {@code null} if more attachments are awaited
	 */
	public Packet decode(byte[] data) throws ParseException {
		if (this.reconstructing == null) {
			throw new ParseException("got binary data when not reconstructing a packet");
		}
		this.attachments.add(data);
		if (this.attachments.size() < this.expectedAttachments) {
			return null;
		}
		Packet packet = this.reconstructing;
		List<byte[]> buffers = this.attachments;
		this.reconstructing = null;
		this.attachments = null;
		return new Packet(packet.type(), packet.namespace(), packet.id(), reconstruct(packet.data(), buffers));
	}

	private Packet decodeText(String text) throws ParseException {
		int length = text.length();
		if (length == 0) {
			throw new ParseException("empty packet");
		}
		PacketType type = PacketType.ofCode(text.charAt(0));
		if (type == null) {
			throw new ParseException("unknown packet type " + text.charAt(0));
		}
		int i = 1;
		this.expectedAttachments = 0;
		if (type.isBinary()) {
			int dash = text.indexOf('-', i);
			if (dash < 0 || dash == i || dash - i > 9 || !isDigits(text, i, dash)) {
				throw new ParseException("illegal attachments");
			}
			this.expectedAttachments = Integer.parseInt(text, i, dash, 10);
			if (this.expectedAttachments > this.maxAttachments) {
				throw new ParseException("too many attachments");
			}
			i = dash + 1;
		}
		String namespace = "/";
		if (i < length && text.charAt(i) == '/') {
			int comma = text.indexOf(',', i);
			int end = (comma < 0) ? length : comma;
			namespace = text.substring(i, end);
			i = (comma < 0) ? length : comma + 1;
		}
		Long id = null;
		int idStart = i;
		while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
			i++;
		}
		if (i > idStart) {
			if (i - idStart > 15) {
				throw new ParseException("invalid ack id");
			}
			id = Long.parseLong(text, idStart, i, 10);
		}
		JsonNode data = null;
		if (i < length) {
			try {
				data = this.mapper.readTree(text.substring(i));
			}
			catch (JacksonException ex) {
				throw new ParseException("invalid payload");
			}
			if (data == null || !isPayloadValid(type, data)) {
				throw new ParseException("invalid payload");
			}
		}
		else if (type == PacketType.EVENT || type == PacketType.BINARY_EVENT || type == PacketType.ACK
				|| type == PacketType.BINARY_ACK) {
			throw new ParseException("missing payload");
		}
		return new Packet(type, namespace, id, data);
	}

	private static boolean isDigits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isPayloadValid(PacketType type, JsonNode data) {
		return switch (type) {
			case CONNECT -> data.isObject();
			case DISCONNECT -> false;
			case CONNECT_ERROR -> data.isObject() || data.isString();
			case EVENT, BINARY_EVENT -> data.isArray() && !data.isEmpty() && isEventName(data.get(0));
			case ACK, BINARY_ACK -> data.isArray();
		};
	}

	private static boolean isEventName(JsonNode name) {
		return name.isNumber() || (name.isString() && !RESERVED_EVENTS.contains(name.stringValue()));
	}

	private static JsonNode reconstruct(JsonNode node, List<byte[]> buffers) throws ParseException {
		if (node == null) {
			return null;
		}
		if (node.isObject()) {
			JsonNode marker = node.get("_placeholder");
			if (marker != null && marker.isBoolean() && marker.booleanValue()) {
				JsonNode num = node.get("num");
				// canConvertToInt first: a number past long's range would throw, not
				// refuse
				if (num == null || !num.isIntegralNumber() || !num.canConvertToInt() || num.asInt() < 0
						|| num.asInt() >= buffers.size()) {
					throw new ParseException("illegal attachments");
				}
				return BinaryNode.valueOf(buffers.get(num.asInt()));
			}
			ObjectNode object = (ObjectNode) node;
			for (String name : List.copyOf(object.propertyNames())) {
				object.set(name, reconstruct(object.get(name), buffers));
			}
			return object;
		}
		if (node.isArray()) {
			ArrayNode array = (ArrayNode) node;
			for (int i = 0; i < array.size(); i++) {
				array.set(i, reconstruct(array.get(i), buffers));
			}
			return array;
		}
		return node;
	}

}
