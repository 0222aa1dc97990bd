package io.orderchat.socketio.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes packets in the Socket.IO v5 text format. Binary values ({@code BinaryNode}s)
 * anywhere in the payload are replaced by {@code {"_placeholder":true,"num":n}} and sent
 * as attachments after the text; an EVENT or ACK that has any becomes BINARY_EVENT or
 * BINARY_ACK.
 */
public final class PacketEncoder {

	private final ObjectMapper mapper;

	public PacketEncoder(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/** The text frame and binary attachments of one packet. */
	public record Encoded(String text, List<byte[]> attachments) {
	}

	public Encoded encode(Packet packet) {
		List<byte[]> attachments = new ArrayList<>(0);
		JsonNode data = (packet.data() != null) ? extractBinaries(packet.data(), attachments) : null;
		PacketType type = packet.type();
		if (!attachments.isEmpty()) {
			type = switch (type) {
				case EVENT -> PacketType.BINARY_EVENT;
				case ACK -> PacketType.BINARY_ACK;
				default -> type;
			};
		}
		String json = (data != null) ? this.mapper.writeValueAsString(data) : null;
		return new Encoded(text(type, attachments.size(), packet.namespace(), packet.id(), json), attachments);
	}

	/**
	 * The text frame of a packet whose data is already JSON ({@code null} for none) and
	 * has {@code attachments} placeholders.
	 */
	public static String text(PacketType type, int attachments, String namespace, Long id, String json) {
		StringBuilder text = new StringBuilder(16 + ((json != null) ? json.length() : 0));
		text.append(type.code());
		if (type.isBinary()) {
			text.append(attachments).append('-');
		}
		if (!"/".equals(namespace)) {
			text.append(namespace).append(',');
		}
		if (id != null) {
			text.append(id.longValue());
		}
		if (json != null) {
			text.append(json);
		}
		return text.toString();
	}

	/**
	 * Returns {@code node} with its binaries replaced by placeholders, copying only the
	 * containers on the way to a binary so the caller's tree is never modified.
	 */
	private static JsonNode extractBinaries(JsonNode node, List<byte[]> attachments) {
		if (node.isBinary()) {
			ObjectNode placeholder = JsonNodeFactory.instance.objectNode();
			placeholder.put("_placeholder", true);
			placeholder.put("num", attachments.size());
			attachments.add(node.binaryValue());
			return placeholder;
		}
		if (node.isArray()) {
			ArrayNode copy = null;
			for (int i = 0; i < node.size(); i++) {
				JsonNode element = node.get(i);
				JsonNode replaced = extractBinaries(element, attachments);
				if (replaced != element && copy == null) {
					copy = JsonNodeFactory.instance.arrayNode(node.size());
					for (int j = 0; j < i; j++) {
						copy.add(node.get(j));
					}
				}
				if (copy != null) {
					copy.add(replaced);
				}
			}
			return (copy != null) ? copy : node;
		}
		if (node.isObject()) {
			ObjectNode copy = null;
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				JsonNode replaced = extractBinaries(property.getValue(), attachments);
				if (replaced != property.getValue()) {
					if (copy == null) {
						copy = ((ObjectNode) node).deepCopy();
					}
					copy.set(property.getKey(), replaced);
				}
			}
			return (copy != null) ? copy : node;
		}
		return node;
	}

}
