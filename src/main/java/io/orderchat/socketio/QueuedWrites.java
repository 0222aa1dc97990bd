package io.orderchat.socketio;

import java.util.ArrayList;
import java.util.List;

import io.orderchat.socketio.engine.EngineServer;
import io.orderchat.socketio.engine.EngineSocket;

/**
 * The scope of {@link SocketIoServer#queueWrites}: while it runs on a thread, packets
 * sent to sockets from that thread are queued on their connections, and the connections
 * that need writing are handed to the engine's writer threads when it ends — in as few
 * tasks as a broadcast, so a connection's packets also go out in fewer writes.
 */
final class QueuedWrites {

	/**
	 * The connections the running scope must have written, or {@code null} outside one.
	 */
	private static final ThreadLocal<List<EngineSocket>> IDLE = new ThreadLocal<>();

	private QueuedWrites() {
	}

	/** The running scope's connections to flush, or {@code null} if none is running. */
	static List<EngineSocket> idle() {
		return IDLE.get();
	}

	static void run(EngineServer engine, Runnable writes) {
		if (IDLE.get() != null) {
			// inside a scope already: its end flushes these writes too
			writes.run();
			return;
		}
		List<EngineSocket> idle = new ArrayList<>();
		IDLE.set(idle);
		try {
			writes.run();
		}
		finally {
			IDLE.remove();
			if (!idle.isEmpty()) {
				engine.flush(idle);
			}
		}
	}

}
