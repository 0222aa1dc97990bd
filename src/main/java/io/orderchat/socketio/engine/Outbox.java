package io.orderchat.socketio.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's outbound packets, kept in the groups they were sent in (a Socket.IO packet
 * and its attachments stay together). Broadcast groups are shared, immutable lists, so
 * queuing one costs a single reference. Not thread-safe: guarded by its session.
 */
final class Outbox {

	private final ArrayDeque<List<EnginePacket>> groups = new ArrayDeque<>(2);

	private int frames;

	void add(List<EnginePacket> group) {
		this.groups.add(group);
		this.frames += group.size();
	}

	boolean isEmpty() {
		return this.groups.isEmpty();
	}

	/** The number of packets waiting, attachments included. */
	int frames() {
		return this.frames;
	}

	List<EnginePacket> poll() {
		List<EnginePacket> group = this.groups.poll();
		if (group != null) {
			this.frames -= group.size();
		}
		return group;
	}

	/** Removes and returns every waiting packet, in order. */
	List<EnginePacket> drain() {
		if (this.groups.size() == 1) {
			List<EnginePacket> only = this.groups.poll();
			this.frames = 0;
			return only;
		}
		List<EnginePacket> all = new ArrayList<>(this.frames);
		for (List<EnginePacket> group : this.groups) {
			all.addAll(group);
		}
		this.groups.clear();
		this.frames = 0;
		return all;
	}

	void clear() {
		this.groups.clear();
		this.frames = 0;
	}

}
