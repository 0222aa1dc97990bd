package io.orderchat.socketio.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes waiting for clients: one instance for the whole server ({@link #total()}), and
 * one per session that adds to it. A session reserves bytes when it queues packets and
 * releases them when they are written; when it closes it releases everything at once, and
 * writes completing later release nothing twice.
 */
final class OutboundBytes {

	private final OutboundBytes server;

	/** Bytes waiting; -1 once a session released everything for good. */
	private final AtomicLong waiting = new AtomicLong();

	private OutboundBytes(OutboundBytes server) {
		this.server = server;
	}

	/** The server-wide count. */
	static OutboundBytes total() {
		return new OutboundBytes(null);
	}

	/** A session's count, which adds to this (server-wide) one. */
	OutboundBytes session() {
		return new OutboundBytes(this);
	}

	long waiting() {
		return Math.max(0, this.waiting.get());
	}

	void reserve(long bytes) {
		this.waiting.addAndGet(bytes);
		if (this.server != null) {
			this.server.reserve(bytes);
		}
	}

	/** Releases written bytes, unless everything was released already. */
	void release(long bytes) {
		long before;
		long after;
		do {
			before = this.waiting.get();
			if (before < 0) {
				return;
			}
			after = Math.max(0, before - bytes);
		}
		while (!this.waiting.compareAndSet(before, after));
		if (this.server != null) {
			this.server.release(before - after);
		}
	}

	/** Releases everything for good: the session closed. */
	void releaseAll() {
		long before = this.waiting.getAndSet(-1);
		if (before > 0 && this.server != null) {
			this.server.release(before);
		}
	}

}
