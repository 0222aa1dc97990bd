package io.orderchat.socketio.engine;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: a client that shook hands, whatever transport it uses now. The
 * session keeps the protocol — its state, the heartbeat, the upgrade from long-polling to
 * a WebSocket, the outbox and its limits, closing — and leaves moving packets to its
 * {@link Transport} ({@link PollingTransport}, {@link WebSocketTransport}).
 *
 * <p>
 * Outbound packets wait in one {@link Outbox}. Packets waiting for the client — a long
 * poll's outbox, or the frames the web server is still writing to a WebSocket — are
 * bounded by {@link EngineOptions#outboundQueueLimit()}: a session whose client does not
 * keep up is closed with the reason {@code "outbound queue overflow"} instead of holding
 * memory or slowing its senders. (Packets a WebSocket's outbox holds only until a writer
 * thread takes them wait for this server, not for the client, and do not count.) Long
 * polls take the whole outbox; how a WebSocket writes it — on the sender's thread for
 * {@link #send}, on the server's writer threads for {@link #queue}, spaced for the
 * conformance suites — is {@link WebSocketTransport}'s. All state changes, the
 * transports' included, happen under the session's own monitor, never a server-wide lock.
 *
 * <p>
 * Packets count in bytes too ({@link EngineLimits}): their encoded size is added when
 * they are queued and released when they are written (handed to a long poll, or confirmed
 * by the web server's WebSocket write). A session that already holds more than
 * {@link EngineLimits#sessionOutboundBytes()} when another packet comes is closed as a
 * slow consumer, and so is one holding more than
 * {@link EngineLimits#congestedOutboundBytes()} while the whole server is over
 * {@link EngineLimits#totalOutboundBytes()}: the clients holding most are cut first.
 * {@link #congested()} tells the application when not to produce large answers.
 *
 * <p>
 * Listeners are called on the thread that received the packet (a web-server thread); they
 * must hand slow work off.
 */
public final class EngineSocket {

	private static final Logger logger = LoggerFactory.getLogger(EngineSocket.class);

	private enum State {

		OPEN,
		/**
		 * Closed for the application; the outbox (ending with a CLOSE packet over
		 * polling) still drains to the client.
		 */
		CLOSING, CLOSED

	}

	private final String id;

	private final EngineServer server;

	private volatile EngineRequest request;

	private final Instant issued = Instant.now();

	private final int queueLimit;

	private final EngineLimits limits;

	private final String remoteAddress;

	/** Bytes waiting for the client, also counted in the server's total. */
	private final OutboundBytes waitingBytes;

	private static final int PENDING = 0;

	private static final int ESTABLISHED = 1;

	private static final int GONE = 2;

	/** Whether the application established the session, see {@link #establish()}. */
	private final AtomicInteger admission = new AtomicInteger(PENDING);

	private volatile Consumer<EnginePacket> messageListener = (packet) -> {
	};

	private volatile Consumer<String> closeListener = (reason) -> {
	};

	/**
	 * Serves the session's long-polling requests, and refuses them once on a WebSocket.
	 */
	private final PollingTransport polling;

	/**
	 * {@link #polling} until an upgrade, or a WebSocket from the start. Changed under
	 * this monitor; volatile so that a writer thread finds a WebSocket without taking it
	 * twice.
	 */
	private volatile Transport transport;

	// Everything below is guarded by this.

	private State state = State.OPEN;

	private final Outbox outbox = new Outbox();

	/**
	 * When the next ping is due or, while a ping is unanswered, its pong
	 * ({@code nanoTime}). Volatile so that the server's heartbeat sweep can skip sessions
	 * without locking.
	 */
	private volatile long heartbeatDue;

	private boolean awaitingPong;

	private boolean upgradeStarted;

	private boolean probed;

	private ScheduledFuture<?> upgradeTimer;

	EngineSocket(String id, EngineServer server, EngineRequest request, WebSocketChannel webSocket) {
		this.id = id;
		this.server = server;
		this.request = request;
		this.queueLimit = server.options().outboundQueueLimit();
		this.limits = server.options().limits();
		this.remoteAddress = request.remoteAddress();
		this.waitingBytes = server.outbound().session();
		this.polling = new PollingTransport(this);
		this.transport = (webSocket != null) ? new WebSocketTransport(this, webSocket) : this.polling;
		// Set before the session is published: the heartbeat sweep may see it at once.
		this.heartbeatDue = System.nanoTime() + server.options().pingInterval().toNanos();
	}

	public String id() {
		return this.id;
	}

	/**
	 * The request that opened the session; without its headers once
	 * {@link #releaseHeaders()} was called.
	 */
	public EngineRequest request() {
		return this.request;
	}

	/**
	 * Drops the opening request's headers, which are most of what an idle session would
	 * otherwise hold, once whoever needed them has read them.
	 */
	public void releaseHeaders() {
		this.request = this.request.withoutHeaders();
	}

	public Instant issued() {
		return this.issued;
	}

	/** The current transport: {@code "polling"} or {@code "websocket"}. */
	public synchronized String transport() {
		return this.transport.name();
	}

	public synchronized boolean isOpen() {
		return this.state == State.OPEN;
	}

	String remoteAddress() {
		return this.remoteAddress;
	}

	/**
	 * Marks the session established (for Socket.IO: connected to a namespace): it no
	 * longer counts against {@link EngineLimits#pendingSessions()}.
	 */
	public void establish() {
		if (this.admission.compareAndSet(PENDING, ESTABLISHED)) {
			this.server.established();
		}
	}

	/** Called once when the session leaves the server: whether it was still pending. */
	boolean leavePending() {
		return this.admission.getAndSet(GONE) == PENDING;
	}

	/**
	 * Whether the client is behind: more than
	 * {@link EngineLimits#congestedOutboundBytes()} wait for it, or the whole server is
	 * over its outbound budget. Cheap; the application should then refuse requests whose
	 * answers are large rather than queue them.
	 */
	public boolean congested() {
		return this.waitingBytes.waiting() > this.limits.congestedOutboundBytes() || this.server.outboundOverBudget();
	}

	/** Bytes waiting for this session's client. */
	public long outboundBytes() {
		return this.waitingBytes.waiting();
	}

	/**
	 * Ends the session now, for {@code reason}, dropping whatever still waits for the
	 * client (unlike {@link #close()}, which lets it drain first).
	 */
	public void abort(String reason) {
		close(reason, false);
	}

	/** Sets the listener for MESSAGE packets from the client. */
	public void onMessage(Consumer<EnginePacket> listener) {
		this.messageListener = listener;
	}

	/** Sets the listener told once, with the reason, when the session ends. */
	public void onClose(Consumer<String> listener) {
		this.closeListener = listener;
	}

	// --- what the transports share (callers hold this monitor unless said otherwise) -

	EngineServer server() {
		return this.server;
	}

	Outbox outbox() {
		return this.outbox;
	}

	/** Thread-safe. */
	OutboundBytes waitingBytes() {
		return this.waitingBytes;
	}

	/** The most packets that may wait for the client. Thread-safe. */
	int queueLimit() {
		return this.queueLimit;
	}

	boolean usesTransport(Transport candidate) {
		return this.transport == candidate;
	}

	/** Closed for the application, still draining its outbox. */
	boolean isClosing() {
		return this.state == State.CLOSING;
	}

	boolean isClosed() {
		return this.state == State.CLOSED;
	}

	/** A WebSocket probe was answered and the upgrade may complete. */
	boolean probing() {
		return this.probed;
	}

	// --- outbound --------------------------------------------------------------------

	public void send(EnginePacket packet) {
		send(List.of(packet));
	}

	/**
	 * Sends packets that must stay together, in order (a Socket.IO packet and its binary
	 * attachments), writing them to a WebSocket on the calling thread. Does nothing once
	 * the session is closing.
	 */
	public void send(List<EnginePacket> packets) {
		offer(packets, Outbox.bytes(packets), true);
	}

	/**
	 * Adds packets to the outbox without writing them to a WebSocket. Returns whether the
	 * caller must hand this session to {@link EngineServer#flush} (no flush is queued or
	 * running yet).
	 */
	public boolean queue(List<EnginePacket> packets) {
		return queue(packets, Outbox.bytes(packets));
	}

	/**
	 * {@link #queue(List)} for packets whose encoded size the caller knows (a broadcast
	 * measures its packets once for all recipients): {@link #encodedBytes(List)}.
	 */
	public boolean queue(List<EnginePacket> packets, long bytes) {
		return offer(packets, bytes, false);
	}

	/** What the limits count for {@code packets}. */
	public static long encodedBytes(List<EnginePacket> packets) {
		return Outbox.bytes(packets);
	}

	private boolean offer(List<EnginePacket> packets, long bytes, boolean writeHere) {
		Transport current;
		String overflow;
		Transport.Followup followup = Transport.Followup.NONE;
		synchronized (this) {
			if (this.state != State.OPEN) {
				return false;
			}
			current = this.transport;
			long waiting = this.waitingBytes.waiting();
			overflow = current.queueOverflow(packets.size());
			if (overflow == null) {
				overflow = bytesOverflow(waiting);
			}
			if (overflow == null) {
				this.waitingBytes.reserve(bytes);
				this.outbox.add(packets, bytes);
				followup = current.queued(writeHere);
			}
		}
		if (overflow != null) {
			overflow(overflow);
			return false;
		}
		current.followUp(followup);
		return followup == Transport.Followup.WRITE_ON_WRITER;
	}

	/** Why a session holding {@code waiting} bytes takes no more, or {@code null}. */
	private String bytesOverflow(long waiting) {
		if (waiting > this.limits.sessionOutboundBytes()) {
			return waiting + " bytes waiting, limit " + this.limits.sessionOutboundBytes();
		}
		if (waiting > this.limits.congestedOutboundBytes() && this.server.outboundOverBudget()) {
			return waiting + " bytes waiting while the server is over its budget of "
					+ this.limits.totalOutboundBytes();
		}
		return null;
	}

	/** Closes a session whose client does not keep up. Called outside this monitor. */
	void overflow(String detail) {
		logger.warn("Closing Engine.IO session {} from {}: outbound queue overflow ({})", this.id, this.remoteAddress,
				detail);
		this.server.countSlowConsumer();
		synchronized (this) {
			this.transport.overflowed();
		}
		close("outbound queue overflow", false);
	}

	/**
	 * Runs on a writer thread ({@link EngineServer#flush}): writes everything waiting.
	 */
	void flushQueued() {
		this.transport.flushQueued();
	}

	// --- closing ---------------------------------------------------------------------

	/**
	 * Closes the session from the server side, after the packets already sent: a
	 * WebSocket is closed behind them, a polling client gets them with a CLOSE packet on
	 * its next poll.
	 */
	public void close() {
		Transport current;
		Transport.Followup followup = Transport.Followup.NONE;
		boolean graceful;
		synchronized (this) {
			if (this.state != State.OPEN) {
				return;
			}
			current = this.transport;
			graceful = !this.outbox.isEmpty();
			if (graceful) {
				this.state = State.CLOSING;
				cancelTimers();
				followup = current.closing();
				long grace = this.server.options().pingInterval().plus(this.server.options().pingTimeout()).toMillis();
				this.server.scheduler().schedule(() -> close("forced close", false), grace, TimeUnit.MILLISECONDS);
			}
		}
		if (!graceful) {
			close("forced close", false);
			return;
		}
		notifyClosed("forced close");
		current.followUp(followup);
	}

	/**
	 * Ends the session now, dropping what still waits; the transport lets go of its poll
	 * or WebSocket ({@link Transport#end}).
	 */
	void close(String reason, boolean byClient) {
		Runnable endTransport;
		boolean notify;
		boolean keepForLatePoll;
		synchronized (this) {
			if (this.state == State.CLOSED) {
				return;
			}
			notify = this.state == State.OPEN;
			this.state = State.CLOSED;
			cancelTimers();
			endTransport = this.transport.end(byClient);
			keepForLatePoll = this.transport.awaitsLatePoll();
			this.outbox.clear();
			this.waitingBytes.releaseAll();
		}
		if (keepForLatePoll) {
			this.server.scheduler()
				.schedule(() -> this.server.remove(this), this.server.options().pingTimeout().toMillis(),
						TimeUnit.MILLISECONDS);
		}
		else {
			this.server.remove(this);
		}
		endTransport.run();
		if (notify) {
			notifyClosed(reason);
		}
	}

	private void notifyClosed(String reason) {
		logger.debug("Engine.IO session {} closed: {}", this.id, reason);
		try {
			this.closeListener.accept(reason);
		}
		catch (RuntimeException ex) {
			logger.error("Close listener of Engine.IO session {} failed", this.id, ex);
		}
	}

	// --- heartbeat -------------------------------------------------------------------

	/** The next ping is due one ping interval from now. */
	private synchronized void startHeartbeat() {
		this.awaitingPong = false;
		this.heartbeatDue = System.nanoTime() + this.server.options().pingInterval().toNanos();
	}

	/**
	 * Whether the session is open and the pong for the current ping overdue, whether or
	 * not the heartbeat sweep has seen it yet: a request arriving after the deadline must
	 * not see the session alive.
	 */
	boolean pongOverdueWhileOpen() {
		if (this.state != State.OPEN) {
			return false;
		}
		long deadline = this.awaitingPong ? this.heartbeatDue
				: this.heartbeatDue + this.server.options().pingTimeout().toNanos();
		return System.nanoTime() - deadline > 0;
	}

	/**
	 * Called by the server's heartbeat sweep: sends the ping that is due, or closes the
	 * session whose pong is overdue.
	 */
	void heartbeat(long now) {
		if (now - this.heartbeatDue < 0) {
			return;
		}
		boolean timedOut;
		synchronized (this) {
			if (this.state != State.OPEN || now - this.heartbeatDue < 0) {
				return;
			}
			timedOut = this.awaitingPong;
			if (!timedOut) {
				// The pong is due a ping timeout after the ping was due, not after the
				// sweep came round: a client must be gone by interval + timeout. Only a
				// sweep later than a whole timeout gives the client a timeout from now.
				long timeout = this.server.options().pingTimeout().toNanos();
				long deadline = this.heartbeatDue + timeout;
				this.awaitingPong = true;
				this.heartbeatDue = (deadline - now > 0) ? deadline : now + timeout;
			}
		}
		if (timedOut) {
			close("ping timeout", false);
		}
		else {
			send(EnginePacket.PING);
		}
	}

	private synchronized void onPong() {
		if (this.state == State.OPEN) {
			startHeartbeat();
		}
	}

	private void cancelTimers() {
		if (this.upgradeTimer != null) {
			this.upgradeTimer.cancel(false);
			this.upgradeTimer = null;
		}
	}

	// --- inbound ---------------------------------------------------------------------

	void onPacket(EnginePacket packet) {
		switch (packet.type()) {
			case PONG -> onPong();
			case MESSAGE -> {
				if (isOpen()) {
					try {
						this.messageListener.accept(packet);
					}
					catch (RuntimeException ex) {
						logger.error("Message listener of Engine.IO session {} failed", this.id, ex);
					}
				}
			}
			case CLOSE -> close("transport close", true);
			default -> {
				// PING, OPEN, UPGRADE and NOOP from a client carry no meaning on an open
				// session.
			}
		}
	}

	/** The receiving side of a session opened on a WebSocket. */
	WebSocketHandler webSocketHandler() {
		return (WebSocketTransport) this.transport;
	}

	void onPoll(PollResponder responder) {
		this.polling.onPoll(responder);
	}

	void onPost(String body, PollResponder responder) {
		this.polling.onPost(body, responder);
	}

	/** The client gave up on its pending poll (connection lost). */
	void onPollAborted(PollResponder responder) {
		this.polling.onPollAborted(responder);
	}

	// --- upgrade ---------------------------------------------------------------------

	/**
	 * A WebSocket opened with this session's id wants to take over from long polling.
	 * Returns the handler that runs the probe / upgrade exchange, or {@code null} if the
	 * session cannot be upgraded (already upgrading or upgraded, or closing).
	 */
	WebSocketHandler startUpgrade(WebSocketChannel channel) {
		synchronized (this) {
			if (this.state != State.OPEN || this.transport != this.polling || this.upgradeStarted) {
				return null;
			}
			this.upgradeStarted = true;
			this.upgradeTimer = this.server.scheduler()
				.schedule(() -> abortUpgrade(channel), this.server.options().upgradeTimeout().toMillis(),
						TimeUnit.MILLISECONDS);
		}
		return new UpgradeHandshake(this, channel);
	}

	/** Gives up on an upgrade over {@code channel} unless it completed, and closes it. */
	void abortUpgrade(WebSocketChannel channel) {
		synchronized (this) {
			if (this.transport instanceof WebSocketTransport webSocket && webSocket.channel() == channel) {
				return;
			}
			this.upgradeStarted = false;
			this.probed = false;
			if (this.upgradeTimer != null) {
				this.upgradeTimer.cancel(false);
				this.upgradeTimer = null;
			}
		}
		channel.close();
	}

	/** Answers a probe over {@code channel}; a waiting poll then ends shortly. */
	void onProbe(WebSocketChannel channel) {
		synchronized (this) {
			if (this.state != State.OPEN) {
				return;
			}
			this.probed = true;
			channel.send(List.of(EnginePacket.PONG_PROBE), UpgradeHandshake.NO_CALLBACK);
			if (this.polling.hasPendingPoll()) {
				this.server.scheduler().schedule(this.polling::endPollForUpgrade, 100, TimeUnit.MILLISECONDS);
			}
		}
	}

	/**
	 * Makes the probed WebSocket the session's transport; returns it, or {@code null} if
	 * the upgrade cannot complete. A poll still waiting is refused.
	 */
	WebSocketTransport completeUpgrade(WebSocketChannel channel) {
		WebSocketTransport upgraded;
		PollResponder poll;
		boolean queueFlush;
		synchronized (this) {
			if (this.state != State.OPEN || !this.probed) {
				return null;
			}
			if (this.upgradeTimer != null) {
				this.upgradeTimer.cancel(false);
				this.upgradeTimer = null;
			}
			upgraded = new WebSocketTransport(this, channel);
			this.transport = upgraded;
			this.probed = false;
			poll = this.polling.takePendingPoll();
			queueFlush = upgraded.takeOver();
		}
		if (queueFlush) {
			this.server.flush(List.of(this));
		}
		if (poll != null) {
			poll.fail(EngineError.BAD_REQUEST);
		}
		logger.debug("Engine.IO session {} upgraded to WebSocket", this.id);
		return upgraded;
	}

}
