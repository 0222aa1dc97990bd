package io.orderchat.socketio.parser;

import tools.jackson.databind.JsonNode;

/**
 * A decoded Socket.IO packet. Binary attachments are already put back in place as
 * {@link tools.jackson.databind.node.BinaryNode}s.
 *
 * @param type the packet type
 * @param namespace the namespace, {@code "/"} for the main one
 * @param id the acknowledgement id, or {@code null}
 * @param data the payload, or {@code null} if the packet has none
 */
public record Packet(PacketType type, String namespace, Long id, JsonNode data) {

	public static Packet of(PacketType type, String namespace, JsonNode data) {
		return new Packet(type, namespace, null, data);
	}

}
