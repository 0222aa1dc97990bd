package io.orderchat.socketio.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP long-polling: a GET waits until packets are queued and takes the whole outbox,
 * encoded as one {@link PollingPayload}; a POST carries the client's packets.
 *
 * <p>
 * Every session has one, and every long-polling request of a session comes here, also
 * once the session is on a WebSocket (after an upgrade, or from the start): then it is
 * refused, as the reference server refuses a request for another transport.
 */
final class PollingTransport extends Transport {

	private static final Logger logger = LoggerFactory.getLogger(PollingTransport.class);

	static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

	// Guarded by the session's monitor.

	private PollResponder pendingPoll;

	private boolean pollFlushScheduled;

	/**
	 * The client closed while a poll of its own may still be on the way: answer it NOOP.
	 */
	private boolean noopForLatePoll;

	PollingTransport(EngineSocket session) {
		super(session);
	}

	@Override
	String name() {
		return "polling";
	}

	@Override
	String queueOverflow(int adding) {
		int limit = this.session.queueLimit();
		return (this.session.outbox().frames() + adding > limit) ? "limit " + limit + " packets" : null;
	}

	@Override
	Followup queued(boolean writeHere) {
		return schedulePollFlush() ? Followup.ANSWER_POLL : Followup.NONE;
	}

	/** The client gets the packets still waiting with a CLOSE packet on its next poll. */
	@Override
	Followup closing() {
		this.session.outbox().add(List.of(EnginePacket.CLOSE));
		return schedulePollFlush() ? Followup.ANSWER_POLL : Followup.NONE;
	}

	@Override
	void followUp(Followup followup) {
		if (followup == Followup.ANSWER_POLL) {
			// Packets sent meanwhile go out in the same response.
			Thread.startVirtualThread(this::flushPendingPoll);
		}
	}

	/**
	 * A pending poll is answered with NOOP if the client asked to close, otherwise with
	 * CLOSE.
	 */
	@Override
	Runnable end(boolean byClient) {
		PollResponder poll = this.pendingPoll;
		this.pendingPoll = null;
		// A client closing over polling may have a poll in flight on another connection;
		// it gets NOOP rather than an error if it arrives shortly after.
		this.noopForLatePoll = byClient && poll == null;
		if (poll == null) {
			return () -> {
			};
		}
		return () -> poll.respond(200, TEXT_PLAIN, byClient ? "6" : "1");
	}

	@Override
	boolean awaitsLatePoll() {
		return this.noopForLatePoll;
	}

	/** Under the monitor: whether a poll waits for packets. */
	boolean hasPendingPoll() {
		return this.pendingPoll != null;
	}

	/** Under the monitor: takes the waiting poll, if any, to answer it elsewhere. */
	PollResponder takePendingPoll() {
		PollResponder poll = this.pendingPoll;
		this.pendingPoll = null;
		return poll;
	}

	void onPoll(PollResponder responder) {
		EngineSocket session = this.session;
		List<EnginePacket> packets = null;
		EngineError error = null;
		boolean duplicate = false;
		boolean last = false;
		boolean timedOut = false;
		synchronized (session) {
			if (session.pongOverdueWhileOpen()) {
				error = EngineError.BAD_REQUEST;
				timedOut = true;
			}
			else if (this.noopForLatePoll) {
				this.noopForLatePoll = false;
				packets = List.of(EnginePacket.NOOP);
				last = true;
			}
			else if (!session.usesTransport(this) || session.isClosed()) {
				error = EngineError.BAD_REQUEST;
			}
			else if (this.pendingPoll != null) {
				error = EngineError.BAD_REQUEST;
				duplicate = true;
			}
			else if (!session.outbox().isEmpty()) {
				packets = session.outbox().drain();
				session.waitingBytes().release(Outbox.bytes(packets));
				last = session.isClosing();
			}
			else if (session.probing()) {
				// Like the reference server's upgrade check, end the poll shortly with
				// NOOP so the client can finish upgrading; a client that completes the
				// upgrade without waiting for it gets an error instead.
				this.pendingPoll = responder;
				session.server().scheduler().schedule(this::endPollForUpgrade, 100, TimeUnit.MILLISECONDS);
			}
			else {
				this.pendingPoll = responder;
			}
		}
		if (error != null) {
			if (timedOut) {
				session.close("ping timeout", false);
			}
			responder.fail(error);
			if (duplicate) {
				logger.debug("Closing Engine.IO session {}: overlapping poll requests", session.id());
				session.close("transport error", false);
			}
			return;
		}
		if (packets != null) {
			responder.respond(200, TEXT_PLAIN, PollingPayload.encode(packets));
		}
		if (last) {
			session.close("forced close", false);
			session.server().remove(session);
		}
	}

	void onPost(String body, PollResponder responder) {
		List<EnginePacket> packets;
		try {
			packets = PollingPayload.decode(body);
		}
		catch (InvalidPacketException ex) {
			logger.debug("Closing Engine.IO session {}: {}", this.session.id(), ex.getMessage());
			responder.fail(EngineError.BAD_REQUEST);
			this.session.close("parse error", false);
			return;
		}
		synchronized (this.session) {
			if (!this.session.usesTransport(this) || this.session.isClosed()) {
				responder.fail(EngineError.BAD_REQUEST);
				return;
			}
		}
		for (EnginePacket packet : packets) {
			this.session.onPacket(packet);
		}
		responder.respond(200, "text/html", "ok");
	}

	/** The client gave up on its pending poll (connection lost). */
	void onPollAborted(PollResponder responder) {
		boolean aborted;
		synchronized (this.session) {
			aborted = this.pendingPoll == responder;
			if (aborted) {
				this.pendingPoll = null;
			}
		}
		if (aborted) {
			this.session.close("transport close", false);
		}
	}

	/**
	 * Once a probe was answered, ends the waiting poll with NOOP so that the client can
	 * finish upgrading.
	 */
	void endPollForUpgrade() {
		PollResponder poll;
		synchronized (this.session) {
			if (!this.session.probing() || !this.session.usesTransport(this)) {
				return;
			}
			poll = this.pendingPoll;
			this.pendingPoll = null;
		}
		if (poll != null) {
			poll.respond(200, TEXT_PLAIN, "6");
		}
	}

	private boolean schedulePollFlush() {
		if (this.pendingPoll == null || this.pollFlushScheduled) {
			return false;
		}
		this.pollFlushScheduled = true;
		return true;
	}

	private void flushPendingPoll() {
		PollResponder poll;
		List<EnginePacket> packets;
		boolean last;
		synchronized (this.session) {
			this.pollFlushScheduled = false;
			poll = this.pendingPoll;
			if (poll == null || this.session.outbox().isEmpty()) {
				return;
			}
			this.pendingPoll = null;
			packets = this.session.outbox().drain();
			this.session.waitingBytes().release(Outbox.bytes(packets));
			last = this.session.isClosing();
		}
		poll.respond(200, TEXT_PLAIN, PollingPayload.encode(packets));
		if (last) {
			this.session.close("forced close", false);
		}
	}

}
