package io.orderchat.socketio.engine;

/**
 * The seven Engine.IO v4 packet types, each written on the wire as one ASCII digit.
 */
public enum EnginePacketType {

	OPEN, CLOSE, PING, PONG, MESSAGE, UPGRADE, NOOP;

	private static final EnginePacketType[] BY_CODE = values();

	char code() {
		return (char) ('0' + ordinal());
	}

	/** Returns the type written as {@code c}, or {@code null} if no type uses it. */
	static EnginePacketType ofCode(char c) {
		int index = c - '0';
		return (index >= 0 && index < BY_CODE.length) ? BY_CODE[index] : null;
	}

}
