package io.orderchat.socketio.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP long-polling payload format: packets joined by the record separator
 * {@code \x1e}, binary packets written as {@code b} plus base64.
 */
final class PollingPayload {

	static final char SEPARATOR = '\u001e';

	private PollingPayload() {
	}

	static String encode(List<EnginePacket> packets) {
		if (packets.size() == 1) {
			return packets.get(0).encode();
		}
		int length = 0;
		for (EnginePacket packet : packets) {
			length += packet.encodedLength() + 1;
		}
		StringBuilder payload = new StringBuilder(length);
		for (EnginePacket packet : packets) {
			if (!payload.isEmpty()) {
				payload.append(SEPARATOR);
			}
			payload.append(packet.encode());
		}
		return payload.toString();
	}

	static List<EnginePacket> decode(String payload) throws InvalidPacketException {
		List<EnginePacket> packets = new ArrayList<>();
		int start = 0;
		while (true) {
			int end = payload.indexOf(SEPARATOR, start);
			if (end < 0) {
				packets.add(EnginePacket.decode(payload.substring(start)));
				return packets;
			}
			packets.add(EnginePacket.decode(payload.substring(start, end)));
			start = end + 1;
		}
	}

}
