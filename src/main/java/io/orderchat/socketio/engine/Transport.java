package io.orderchat.socketio.engine;

/**
 * How a session's packets travel: {@link PollingTransport} (HTTP long-polling) or
 * {@link WebSocketTransport}. The {@link EngineSocket session} keeps the protocol (state,
 * heartbeat, upgrade, the outbox and its limits) and hands the outbox to its transport.
 *
 * <p>
 * A transport has no lock of its own: its state is guarded by its session's monitor, the
 * one lock of a session, so that a decision that spans session and transport is taken at
 * once. Methods said to run under the monitor expect the caller to hold it; the others
 * take it themselves and call nothing slow while holding it.
 */
abstract sealed class Transport permits PollingTransport, WebSocketTransport {

	/**
	 * What must happen, once the session's monitor is released, to packets a transport
	 * just took.
	 */
	enum Followup {

		/** Nothing: a write under way or one already scheduled takes them. */
		NONE,

		/** The sending thread writes the outbox to the WebSocket now. */
		WRITE_ON_SENDER,

		/**
		 * One of the server's writer threads writes the outbox: the caller hands the
		 * session to {@link EngineServer#flush}.
		 */
		WRITE_ON_WRITER,

		/**
		 * The waiting long poll is answered, off the sender's thread so that a slow
		 * poller never slows a broadcast.
		 */
		ANSWER_POLL

	}

	final EngineSocket session;

	Transport(EngineSocket session) {
		this.session = session;
	}

	/**
	 * {@code "polling"} or {@code "websocket"}, as in the {@code transport} parameter.
	 */
	abstract String name();

	/**
	 * Under the monitor, before {@code adding} packets join the outbox: why they would
	 * overflow the packets waiting for the client, or {@code null} if they fit.
	 */
	abstract String queueOverflow(int adding);

	/**
	 * Under the monitor, after packets joined the outbox: how they go out.
	 * {@code writeHere} asks to write them on the sending thread if possible.
	 */
	abstract Followup queued(boolean writeHere);

	/**
	 * Under the monitor, when the server closes a session that still has packets waiting:
	 * how the rest goes out before the session ends.
	 */
	abstract Followup closing();

	/** Outside the monitor: does what {@link #queued} or {@link #closing} decided. */
	abstract void followUp(Followup followup);

	/**
	 * Under the monitor, when the session ends: detaches what the transport still holds
	 * and returns how to let go of it outside the monitor.
	 */
	abstract Runnable end(boolean byClient);

	/**
	 * Under the monitor, once the session ended: whether a poll the client sent before
	 * closing may still arrive and must find the session.
	 */
	boolean awaitsLatePoll() {
		return false;
	}

	/** Under the monitor: the session closes for overflow, no write may go on. */
	void overflowed() {
	}

	/** Runs on a writer thread ({@link EngineServer#flush}): writes what is waiting. */
	void flushQueued() {
	}

}
