package io.orderchat.socketio.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's outbound packets, kept in the groups they were sent in (a Socket.IO packet
 * and its attachments stay together), with their count and encoded size. Broadcast groups
 * are shared, immutable lists, so queuing one costs a single reference. Not thread-safe:
 * guarded by its session.
 */
final class Outbox {

	private final ArrayDeque<List<EnginePacket>> groups = new ArrayDeque<>(2);

	private int frames;

	private long bytes;

	void add(List<EnginePacket> group) {
		add(group, bytes(group));
	}

	/** Adds a group whose encoded size, {@link #bytes(List)}, is {@code groupBytes}. */
	void add(List<EnginePacket> group, long groupBytes) {
		this.groups.add(group);
		this.frames += group.size();
		this.bytes += groupBytes;
	}

	boolean isEmpty() {
		return this.groups.isEmpty();
	}

	/** The number of packets waiting, attachments included. */
	int frames() {
		return this.frames;
	}

	/** The encoded size of the packets waiting, attachments included. */
	long bytes() {
		return this.bytes;
	}

	List<EnginePacket> poll() {
		List<EnginePacket> group = this.groups.poll();
		if (group != null) {
			this.frames -= group.size();
			this.bytes -= bytes(group);
		}
		return group;
	}

	/** Removes and returns every waiting packet, in order. */
	List<EnginePacket> drain() {
		if (this.groups.size() == 1) {
			List<EnginePacket> only = this.groups.poll();
			clear();
			return only;
		}
		List<EnginePacket> all = new ArrayList<>(this.frames);
		for (List<EnginePacket> group : this.groups) {
			all.addAll(group);
		}
		clear();
		return all;
	}

	void clear() {
		this.groups.clear();
		this.frames = 0;
		this.bytes = 0;
	}

	/**
	 * The encoded size of {@code packets}: characters of a text frame (which the JVM
	 * keeps in one or two bytes each), base64 characters of a binary one.
	 */
	static long bytes(List<EnginePacket> packets) {
		long total = 0;
		for (EnginePacket packet : packets) {
			total += packet.encodedLength();
		}
		return total;
	}

}
