package io.orderchat.socketio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.orderchat.socketio.engine.EnginePacket;
import io.orderchat.socketio.engine.EngineSocket;

/**
 * A Socket.IO packet encoded once for any number of recipients: its text frame and binary
 * attachments (plain data, so an adapter can ship it to other nodes), and the Engine.IO
 * packets built from them, shared by every recipient. A broadcast's packet is encoded on
 * first use, so a broadcast that reaches nobody encodes nothing.
 */
public final class EncodedPacket {

	private Supplier<EncodedPacket> encoder;

	private volatile Parts parts;

	public EncodedPacket(String text, List<byte[]> attachments) {
		this.parts = Parts.of(text, attachments, 0);
	}

	private EncodedPacket(Supplier<EncodedPacket> encoder) {
		this.encoder = encoder;
	}

	/** A packet that {@code encoder} encodes when someone first needs it. */
	static EncodedPacket lazily(Supplier<EncodedPacket> encoder) {
		return new EncodedPacket(encoder);
	}

	/**
	 * This packet with its engine packets timed from {@code originMicros} (epoch
	 * microseconds; 0 leaves it untimed).
	 */
	EncodedPacket timedFrom(long originMicros) {
		if (originMicros == 0) {
			return this;
		}
		EncodedPacket timed = new EncodedPacket(null);
		timed.parts = Parts.of(text(), attachments(), originMicros);
		return timed;
	}

	/** The Socket.IO text encoding, e.g. {@code 2["event",1]}. */
	public String text() {
		return parts().text();
	}

	/** The binary attachments, in placeholder order; arrays must not be modified. */
	public List<byte[]> attachments() {
		return parts().attachments();
	}

	List<EnginePacket> enginePackets() {
		return parts().enginePackets();
	}

	/** What the engine's limits count for {@link #enginePackets()}. */
	long engineBytes() {
		return parts().engineBytes();
	}

	private Parts parts() {
		Parts result = this.parts;
		if (result == null) {
			synchronized (this) {
				result = this.parts;
				if (result == null) {
					result = this.encoder.get().parts();
					this.parts = result;
					this.encoder = null;
				}
			}
		}
		return result;
	}

	private record Parts(String text, List<byte[]> attachments, List<EnginePacket> enginePackets, long engineBytes) {

		static Parts of(String text, List<byte[]> attachments, long originMicros) {
			List<EnginePacket> packets = new ArrayList<>(1 + attachments.size());
			packets.add((originMicros == 0) ? EnginePacket.message(text) : EnginePacket.message(text, originMicros));
			for (byte[] attachment : attachments) {
				packets.add(EnginePacket.message(attachment));
			}
			List<EnginePacket> enginePackets = List.copyOf(packets);
			return new Parts(text, List.copyOf(attachments), enginePackets, EngineSocket.encodedBytes(enginePackets));
		}

	}

}
