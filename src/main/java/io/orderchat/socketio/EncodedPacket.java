package io.orderchat.socketio;

import java.util.ArrayList;
import java.util.List;

import io.orderchat.socketio.engine.EnginePacket;

/**
 * A Socket.IO packet encoded once for any number of recipients: its text frame and binary
 * attachments (plain data, so an adapter can ship it to other nodes), and the Engine.IO
 * packets built from them, shared by every recipient.
 */
public final class EncodedPacket {

	private final String text;

	private final List<byte[]> attachments;

	private final List<EnginePacket> enginePackets;

	public EncodedPacket(String text, List<byte[]> attachments) {
		this.text = text;
		this.attachments = List.copyOf(attachments);
		List<EnginePacket> packets = new ArrayList<>(1 + attachments.size());
		packets.add(EnginePacket.message(text));
		for (byte[] attachment : attachments) {
			packets.add(EnginePacket.message(attachment));
		}
		this.enginePackets = List.copyOf(packets);
	}

	/** The Socket.IO text encoding, e.g. {@code 2["event",1]}. */
	public String text() {
		return this.text;
	}

	/** The binary attachments, in placeholder order; arrays must not be modified. */
	public List<byte[]> attachments() {
		return this.attachments;
	}

	List<EnginePacket> enginePackets() {
		return this.enginePackets;
	}

}
