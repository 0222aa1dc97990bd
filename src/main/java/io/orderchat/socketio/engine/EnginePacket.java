package io.orderchat.socketio.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One immutable Engine.IO packet: a type and either text or binary data.
 *
 * <p>
 * Packets are shared: a broadcast creates its packets once and hands the same instances
 * to every target session, so the text encoding is cached on first use.
 */
public final class EnginePacket {

	static final EnginePacket PING = new EnginePacket(EnginePacketType.PING, "", null);

	static final EnginePacket PONG_PROBE = new EnginePacket(EnginePacketType.PONG, "probe", null);

	static final EnginePacket NOOP = new EnginePacket(EnginePacketType.NOOP, "", null);

	static final EnginePacket CLOSE = new EnginePacket(EnginePacketType.CLOSE, "", null);

	private final EnginePacketType type;

	private final String text;

	private final byte[] binary;

	/** When what this packet carries came to be, in epoch microseconds; 0 if untimed. */
	private final long originMicros;

	private String encoded;

	private volatile byte[] webSocketPayload;

	private EnginePacket(EnginePacketType type, String text, byte[] binary) {
		this(type, text, binary, 0);
	}

	private EnginePacket(EnginePacketType type, String text, byte[] binary, long originMicros) {
		this.type = type;
		this.text = text;
		this.binary = binary;
		this.originMicros = originMicros;
	}

	/**
	 * A MESSAGE packet carrying text that came to be at {@code originMicros} (epoch
	 * microseconds): its writes are reported to {@link EngineServer#onTimedWrite}.
	 */
	public static EnginePacket message(String text, long originMicros) {
		return new EnginePacket(EnginePacketType.MESSAGE, text, null, originMicros);
	}

	/** When what this packet carries came to be, in epoch microseconds; 0 if untimed. */
	public long originMicros() {
		return this.originMicros;
	}

	/** A MESSAGE packet carrying text. */
	public static EnginePacket message(String text) {
		return new EnginePacket(EnginePacketType.MESSAGE, text, null);
	}

	/**
	 * A MESSAGE packet carrying binary data; the array must not be modified afterwards.
	 */
	public static EnginePacket message(byte[] data) {
		return new EnginePacket(EnginePacketType.MESSAGE, null, data);
	}

	static EnginePacket of(EnginePacketType type, String text) {
		return new EnginePacket(type, text, null);
	}

	public EnginePacketType type() {
		return this.type;
	}

	public boolean isBinary() {
		return this.binary != null;
	}

	/** The text data, {@code null} for a binary packet. */
	public String text() {
		return this.text;
	}

	/** The binary data, {@code null} for a text packet. */
	public byte[] binary() {
		return this.binary;
	}

	/**
	 * The packet as a WebSocket text frame or one segment of a polling payload: the type
	 * digit then the data, or for binary data {@code b} then its base64 form.
	 */
	String encode() {
		String result = this.encoded;
		if (result == null) {
			result = isBinary() ? "b" + Base64.getEncoder().encodeToString(this.binary) : this.type.code() + this.text;
			this.encoded = result;
		}
		return result;
	}

	/**
	 * The packet as a WebSocket frame's payload: the UTF-8 bytes of {@link #encode()} for
	 * text, the data itself for binary. Cached, and shared by every recipient: must not
	 * be modified.
	 */
	public byte[] webSocketPayload() {
		byte[] result = this.webSocketPayload;
		if (result == null) {
			result = isBinary() ? this.binary : (this.type.code() + this.text).getBytes(StandardCharsets.UTF_8);
			this.webSocketPayload = result;
		}
		return result;
	}

	int encodedLength() {
		return isBinary() ? 1 + (this.binary.length + 2) / 3 * 4 : 1 + this.text.length();
	}

	/**
	 * Decodes one packet from a WebSocket text frame or a polling payload segment.
	 * @throws InvalidPacketException if the type is unknown or base64 data is malformed
	 */
	static EnginePacket decode(String encoded) throws InvalidPacketException {
		if (encoded.isEmpty()) {
			throw new InvalidPacketException("empty packet");
		}
		char first = encoded.charAt(0);
		if (first == 'b') {
			try {
				return message(Base64.getDecoder().decode(encoded.substring(1)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidPacketException("invalid base64 data");
			}
		}
		EnginePacketType type = EnginePacketType.ofCode(first);
		if (type == null) {
			throw new InvalidPacketException("unknown packet type '" + first + "'");
		}
		return new EnginePacket(type, encoded.substring(1), null);
	}

	@Override
	public String toString() {
		return isBinary() ? this.type + "<" + this.binary.length + " bytes>" : this.type + "(" + this.text + ")";
	}

}
