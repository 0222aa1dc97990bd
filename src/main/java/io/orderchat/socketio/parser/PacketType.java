package io.orderchat.socketio.parser;

/**
 * The seven Socket.IO v5 packet types, written on the wire as one digit.
 */
public enum PacketType {

	CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

	private static final PacketType[] BY_CODE = values();

	char code() {
		return (char) ('0' + ordinal());
	}

	static PacketType ofCode(char c) {
		int index = c - '0';
		return (index >= 0 && index < BY_CODE.length) ? BY_CODE[index] : null;
	}

	boolean isBinary() {
		return this == BINARY_EVENT || this == BINARY_ACK;
	}

}
