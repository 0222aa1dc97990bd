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
 * One Engine.IO session: a client that shook hands, whatever transport it uses now.
 *
 * <p>
 * Outbound packets wait in one {@link Outbox}. Packets waiting for the client — a long
 * poll's outbox, or the frames the web server is still writing to a WebSocket — are
 * bounded by {@link EngineOptions#outboundQueueLimit()}: a session whose client does not
 * keep up is closed with the reason {@code "outbound queue overflow"} instead of holding
 * memory or slowing its senders. (Packets a WebSocket's outbox holds only until a writer
 * thread takes them wait for this server, not for the client, and do not count.) Long
 * polls take the whole outbox. Over WebSocket, {@link #send} writes on the caller's
 * thread while {@link #queue} leaves the writing to the server's writer threads
 * ({@link EngineServer#flush}), which write everything waiting in one network write: a
 * broadcast to a thousand sockets only queues, and the busier the writers, the more
 * packets each write carries. With {@link EngineOptions#writeSpacing()} set, packets must
 * wait a least time between writes: then packets wait for that spacing (a burst of more
 * than {@value #BURST_FRAMES} frames goes out at once), which keeps consecutive packets
 * in separate TCP segments for clients that read one message per read (the official test
 * suites among them; spacing costs latency, so only the conformance configuration uses
 * it). All state changes happen under the session's own monitor, never a server-wide
 * lock.
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

	static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

	static final int BURST_FRAMES = 8;

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

	private final AtomicInteger framesInFlight = new AtomicInteger();

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

	// Everything below is guarded by this.

	private State state = State.OPEN;

	private WebSocketChannel webSocket;

	private final Outbox outbox = new Outbox();

	private PollResponder pendingPoll;

	private boolean pollFlushScheduled;

	/** A flush of the outbox waits for one of the server's writer threads. */
	private boolean flushQueued;

	/**
	 * A thread is handing the outbox to the WebSocket: others only add to it, that thread
	 * writes what they add before it stops, so writes keep their order without holding
	 * this monitor during the web server's write.
	 */
	private boolean writing;

	/**
	 * When the next ping is due or, while a ping is unanswered, its pong
	 * ({@code nanoTime}). Volatile so that the server's heartbeat sweep can skip sessions
	 * without locking.
	 */
	private volatile long heartbeatDue;

	private boolean awaitingPong;

	/** When the last WebSocket write was handed to the web server, 0 if never. */
	private long lastWriteNanos;

	/** A delayed WebSocket flush is scheduled. */
	private boolean flushScheduled;

	/**
	 * The client closed while a poll of its own may still be on the way: answer it NOOP.
	 */
	private boolean noopForLatePoll;

	private boolean upgradeStarted;

	private boolean probed;

	private ScheduledFuture<?> upgradeTimer;

	EngineSocket(String id, EngineServer server, EngineRequest request, WebSocketChannel webSocket) {
		this.id = id;
		this.server = server;
		this.request = request;
		this.webSocket = webSocket;
		this.queueLimit = server.options().outboundQueueLimit();
		this.limits = server.options().limits();
		this.remoteAddress = request.remoteAddress();
		this.waitingBytes = server.outbound().session();
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
		return (this.webSocket != null) ? "websocket" : "polling";
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

	public void send(EnginePacket packet) {
		send(List.of(packet));
	}

	/**
	 * Sends packets that must stay together, in order (a Socket.IO packet and its binary
	 * attachments), writing them to a WebSocket on the calling thread. Does nothing once
	 * the session is closing.
	 */
	public void send(List<EnginePacket> packets) {
		offer(packets, true);
	}

	/**
	 * Adds packets to the outbox without writing them to a WebSocket. Returns whether the
	 * caller must hand this session to {@link EngineServer#flush} (no flush is queued or
	 * running yet).
	 */
	public boolean queue(List<EnginePacket> packets) {
		return offer(packets, false);
	}

	private boolean offer(List<EnginePacket> packets, boolean writeHere) {
		String overflow = null;
		boolean flushPoll = false;
		boolean queueFlush = false;
		boolean writeNow = false;
		synchronized (this) {
			if (this.state != State.OPEN) {
				return false;
			}
			// A long poll's outbox waits for the client; a WebSocket's is checked when it
			// is written (writeOutbox), since frames being handed over right now would
			// look like frames the client has not taken.
			long waiting = this.waitingBytes.waiting();
			if (this.webSocket == null && this.outbox.frames() + packets.size() > this.queueLimit) {
				overflow = "limit " + this.queueLimit + " packets";
			}
			else if (waiting > this.limits.sessionOutboundBytes()) {
				overflow = waiting + " bytes waiting, limit " + this.limits.sessionOutboundBytes();
			}
			else if (waiting > this.limits.congestedOutboundBytes() && this.server.outboundOverBudget()) {
				overflow = waiting + " bytes waiting while the server is over its budget of "
						+ this.limits.totalOutboundBytes();
			}
			else {
				this.waitingBytes.reserve(Outbox.bytes(packets));
				this.outbox.add(packets);
				if (this.webSocket == null) {
					flushPoll = schedulePollFlush();
				}
				else if (spaced()) {
					if (!this.flushScheduled || this.outbox.frames() > BURST_FRAMES) {
						flushWebSocket();
					}
				}
				else if (this.writing) {
					// The thread writing now takes these too.
				}
				else if (writeHere) {
					this.writing = true;
					writeNow = true;
				}
				else if (!this.flushQueued) {
					this.flushQueued = true;
					queueFlush = true;
				}
			}
		}
		if (writeNow) {
			writeOutbox();
		}
		else if (overflow != null) {
			overflow(overflow);
		}
		else if (flushPoll) {
			// Written off the sender's thread so that a slow poller never slows a
			// broadcast; packets sent meanwhile go out in the same response.
			Thread.startVirtualThread(this::flushPendingPoll);
		}
		return queueFlush;
	}

	private void overflow(String detail) {
		logger.warn("Closing Engine.IO session {} from {}: outbound queue overflow ({})", this.id, this.remoteAddress,
				detail);
		this.server.countSlowConsumer();
		synchronized (this) {
			this.writing = false;
		}
		close("outbound queue overflow", false);
	}

	/**
	 * Closes the session from the server side, after the packets already sent: a
	 * WebSocket is closed behind them, a polling client gets them with a CLOSE packet on
	 * its next poll.
	 */
	public void close() {
		boolean flushPoll = false;
		boolean graceful;
		synchronized (this) {
			if (this.state != State.OPEN) {
				return;
			}
			graceful = !this.outbox.isEmpty();
			if (graceful) {
				this.state = State.CLOSING;
				cancelTimers();
				if (this.webSocket == null) {
					this.outbox.add(List.of(EnginePacket.CLOSE));
					flushPoll = schedulePollFlush();
				}
				long grace = this.server.options().pingInterval().plus(this.server.options().pingTimeout()).toMillis();
				this.server.scheduler().schedule(() -> close("forced close", false), grace, TimeUnit.MILLISECONDS);
			}
		}
		if (!graceful) {
			close("forced close", false);
			return;
		}
		notifyClosed("forced close");
		if (flushPoll) {
			Thread.startVirtualThread(this::flushPendingPoll);
		}
	}

	/**
	 * Ends the session now. A pending poll is answered with NOOP if the client asked to
	 * close, otherwise with CLOSE; a WebSocket is closed.
	 */
	void close(String reason, boolean byClient) {
		PollResponder poll;
		WebSocketChannel channel;
		boolean notify;
		boolean keepForLatePoll;
		synchronized (this) {
			if (this.state == State.CLOSED) {
				return;
			}
			notify = this.state == State.OPEN;
			this.state = State.CLOSED;
			cancelTimers();
			poll = this.pendingPoll;
			this.pendingPoll = null;
			channel = this.webSocket;
			this.outbox.clear();
			this.waitingBytes.releaseAll();
			// A client closing over polling may have a poll in flight on another
			// connection;
			// it gets NOOP rather than an error if it arrives shortly after.
			keepForLatePoll = byClient && poll == null && channel == null;
			this.noopForLatePoll = keepForLatePoll;
		}
		if (keepForLatePoll) {
			this.server.scheduler()
				.schedule(() -> this.server.remove(this), this.server.options().pingTimeout().toMillis(),
						TimeUnit.MILLISECONDS);
		}
		else {
			this.server.remove(this);
		}
		if (poll != null) {
			poll.respond(200, TEXT_PLAIN, byClient ? "6" : "1");
		}
		if (channel != null) {
			channel.close();
		}
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

	// --- heartbeat -----------------------------------------------------------------

	/** The next ping is due one ping interval from now. */
	private synchronized void startHeartbeat() {
		this.awaitingPong = false;
		this.heartbeatDue = System.nanoTime() + this.server.options().pingInterval().toNanos();
	}

	/**
	 * Whether the pong for the current ping is overdue, whether or not the heartbeat
	 * sweep has seen it yet: a request arriving after the deadline must not see the
	 * session alive.
	 */
	private boolean pongOverdue() {
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

	// --- inbound -------------------------------------------------------------------

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

	/** The receiving side of the session's own WebSocket. */
	WebSocketHandler webSocketHandler() {
		return new WebSocketHandler() {

			@Override
			public void onText(String text) {
				try {
					onPacket(EnginePacket.decode(text));
				}
				catch (InvalidPacketException ex) {
					logger.debug("Closing Engine.IO session {}: {}", EngineSocket.this.id, ex.getMessage());
					close("parse error", false);
				}
			}

			@Override
			public void onBinary(byte[] data) {
				onPacket(EnginePacket.message(data));
			}

			@Override
			public void onClose() {
				close("transport close", false);
			}

		};
	}

	// --- long polling --------------------------------------------------------------

	void onPoll(PollResponder responder) {
		List<EnginePacket> packets = null;
		EngineError error = null;
		boolean duplicate = false;
		boolean last = false;
		boolean timedOut = false;
		synchronized (this) {
			if (this.state == State.OPEN && pongOverdue()) {
				error = EngineError.BAD_REQUEST;
				timedOut = true;
			}
			else if (this.noopForLatePoll) {
				this.noopForLatePoll = false;
				packets = List.of(EnginePacket.NOOP);
				last = true;
			}
			else if (this.webSocket != null || this.state == State.CLOSED) {
				error = EngineError.BAD_REQUEST;
			}
			else if (this.pendingPoll != null) {
				error = EngineError.BAD_REQUEST;
				duplicate = true;
			}
			else if (!this.outbox.isEmpty()) {
				packets = this.outbox.drain();
				this.waitingBytes.release(Outbox.bytes(packets));
				last = this.state == State.CLOSING;
			}
			else if (this.probed) {
				// Like the reference server's upgrade check, end the poll shortly with
				// NOOP
				// so the client can finish upgrading; a client that completes the upgrade
				// without waiting for it gets an error instead.
				this.pendingPoll = responder;
				this.server.scheduler().schedule(this::endPollForUpgrade, 100, TimeUnit.MILLISECONDS);
			}
			else {
				this.pendingPoll = responder;
			}
		}
		if (error != null) {
			if (timedOut) {
				close("ping timeout", false);
			}
			responder.fail(error);
			if (duplicate) {
				logger.debug("Closing Engine.IO session {}: overlapping poll requests", this.id);
				close("transport error", false);
			}
			return;
		}
		if (packets != null) {
			responder.respond(200, TEXT_PLAIN, PollingPayload.encode(packets));
		}
		if (last) {
			close("forced close", false);
			this.server.remove(this);
		}
	}

	void onPost(String body, PollResponder responder) {
		List<EnginePacket> packets;
		try {
			packets = PollingPayload.decode(body);
		}
		catch (InvalidPacketException ex) {
			logger.debug("Closing Engine.IO session {}: {}", this.id, ex.getMessage());
			responder.fail(EngineError.BAD_REQUEST);
			close("parse error", false);
			return;
		}
		synchronized (this) {
			if (this.webSocket != null || this.state == State.CLOSED) {
				responder.fail(EngineError.BAD_REQUEST);
				return;
			}
		}
		for (EnginePacket packet : packets) {
			onPacket(packet);
		}
		responder.respond(200, "text/html", "ok");
	}

	/** The client gave up on its pending poll (connection lost). */
	void onPollAborted(PollResponder responder) {
		boolean aborted;
		synchronized (this) {
			aborted = this.pendingPoll == responder;
			if (aborted) {
				this.pendingPoll = null;
			}
		}
		if (aborted) {
			close("transport close", false);
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
		synchronized (this) {
			this.pollFlushScheduled = false;
			poll = this.pendingPoll;
			if (poll == null || this.outbox.isEmpty()) {
				return;
			}
			this.pendingPoll = null;
			packets = this.outbox.drain();
			this.waitingBytes.release(Outbox.bytes(packets));
			last = this.state == State.CLOSING;
		}
		poll.respond(200, TEXT_PLAIN, PollingPayload.encode(packets));
		if (last) {
			close("forced close", false);
		}
	}

	// --- WebSocket -----------------------------------------------------------------

	private boolean spaced() {
		return !this.server.options().writeSpacing().isZero();
	}

	/**
	 * Runs on a writer thread ({@link EngineServer#flush}): writes everything waiting.
	 */
	void flushQueued() {
		synchronized (this) {
			this.flushQueued = false;
			if (this.writing) {
				return;
			}
			this.writing = true;
		}
		writeOutbox();
	}

	/**
	 * Hands everything waiting to the WebSocket, one write per round, outside this
	 * monitor, until the outbox stays empty; only the thread that set {@link #writing}
	 * calls it. A closing session closes once its outbox is written.
	 */
	private void writeOutbox() {
		boolean drained;
		while (true) {
			List<EnginePacket> packets;
			WebSocketChannel channel;
			synchronized (this) {
				channel = this.webSocket;
				if (this.outbox.isEmpty() || channel == null || this.state == State.CLOSED) {
					this.writing = false;
					drained = this.state == State.CLOSING && channel != null;
					break;
				}
				packets = this.outbox.drain();
				this.framesInFlight.addAndGet(packets.size());
			}
			channel.send(packets, new Written(packets));
			// Frames the web server could not write at once wait for the client: a
			// burst it cannot take is caught here, not only at the next send.
			if (this.framesInFlight.get() > this.queueLimit) {
				overflow("limit " + this.queueLimit + " packets");
				return;
			}
		}
		if (drained) {
			close("forced close", false);
		}
	}

	/**
	 * With write spacing, writes what the spacing rule allows now (one group, or
	 * everything in a burst) and schedules the rest.
	 */
	private void flushWebSocket() {
		long spacing = this.server.options().writeSpacing().toNanos();
		long now = System.nanoTime();
		long wait = (this.lastWriteNanos == 0) ? 0 : this.lastWriteNanos + spacing - now;
		boolean burst = this.outbox.frames() > BURST_FRAMES;
		if (wait <= 0 || burst) {
			write(burst ? this.outbox.drain() : this.outbox.poll());
			this.lastWriteNanos = (now == 0) ? 1 : now;
			wait = spacing;
		}
		if (!this.outbox.isEmpty() && !this.flushScheduled) {
			this.flushScheduled = true;
			this.server.scheduler()
				.schedule(() -> Thread.startVirtualThread(this::scheduledFlush), wait, TimeUnit.NANOSECONDS);
		}
	}

	private void scheduledFlush() {
		boolean drained;
		synchronized (this) {
			this.flushScheduled = false;
			if (this.state == State.CLOSED || this.webSocket == null) {
				return;
			}
			if (!this.outbox.isEmpty()) {
				flushWebSocket();
			}
			drained = this.state == State.CLOSING && this.outbox.isEmpty();
		}
		if (drained) {
			close("forced close", false);
		}
	}

	private void write(List<EnginePacket> packets) {
		this.framesInFlight.addAndGet(packets.size());
		this.webSocket.send(packets, new Written(packets));
	}

	/**
	 * Releases a write's frames and bytes from the limits; a failed write ends the
	 * session.
	 */
	private final class Written implements WebSocketChannel.WriteCallback {

		private final int frames;

		private final long bytes;

		Written(List<EnginePacket> packets) {
			this.frames = packets.size();
			this.bytes = Outbox.bytes(packets);
		}

		@Override
		public void succeeded() {
			EngineSocket.this.framesInFlight.addAndGet(-this.frames);
			EngineSocket.this.waitingBytes.release(this.bytes);
		}

		@Override
		public void failed(Throwable cause) {
			EngineSocket.this.framesInFlight.addAndGet(-this.frames);
			EngineSocket.this.waitingBytes.release(this.bytes);
			// Never close from inside the web server's write path: it may hold its own
			// locks.
			Thread.startVirtualThread(() -> close("transport error", false));
		}

	}

	/**
	 * A WebSocket opened with this session's id wants to take over from long polling.
	 * Returns the handler that runs the probe / upgrade exchange, or {@code null} if the
	 * session cannot be upgraded (already upgrading or upgraded, or closing).
	 */
	WebSocketHandler startUpgrade(WebSocketChannel channel) {
		synchronized (this) {
			if (this.state != State.OPEN || this.webSocket != null || this.upgradeStarted) {
				return null;
			}
			this.upgradeStarted = true;
			this.upgradeTimer = this.server.scheduler()
				.schedule(() -> abortUpgrade(channel), this.server.options().upgradeTimeout().toMillis(),
						TimeUnit.MILLISECONDS);
		}
		return new UpgradeHandler(channel);
	}

	private void abortUpgrade(WebSocketChannel channel) {
		synchronized (this) {
			if (this.webSocket == channel) {
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

	private void onProbe(WebSocketChannel channel) {
		synchronized (this) {
			if (this.state != State.OPEN) {
				return;
			}
			this.probed = true;
			channel.send(List.of(EnginePacket.PONG_PROBE), NO_CALLBACK);
			if (this.pendingPoll != null) {
				this.server.scheduler().schedule(this::endPollForUpgrade, 100, TimeUnit.MILLISECONDS);
			}
		}
	}

	private void endPollForUpgrade() {
		PollResponder poll;
		synchronized (this) {
			if (!this.probed || this.webSocket != null) {
				return;
			}
			poll = this.pendingPoll;
			this.pendingPoll = null;
		}
		if (poll != null) {
			poll.respond(200, TEXT_PLAIN, "6");
		}
	}

	private boolean completeUpgrade(WebSocketChannel channel) {
		PollResponder poll;
		boolean queueFlush = false;
		synchronized (this) {
			if (this.state != State.OPEN || !this.probed) {
				return false;
			}
			if (this.upgradeTimer != null) {
				this.upgradeTimer.cancel(false);
				this.upgradeTimer = null;
			}
			this.webSocket = channel;
			this.probed = false;
			poll = this.pendingPoll;
			this.pendingPoll = null;
			if (!this.outbox.isEmpty()) {
				if (spaced()) {
					flushWebSocket();
				}
				else {
					queueFlush = !this.writing && !this.flushQueued;
					this.flushQueued |= queueFlush;
				}
			}
		}
		if (queueFlush) {
			this.server.flush(List.of(this));
		}
		if (poll != null) {
			poll.fail(EngineError.BAD_REQUEST);
		}
		logger.debug("Engine.IO session {} upgraded to WebSocket", this.id);
		return true;
	}

	private static final WebSocketChannel.WriteCallback NO_CALLBACK = new WebSocketChannel.WriteCallback() {

		@Override
		public void succeeded() {
		}

		@Override
		public void failed(Throwable cause) {
		}

	};

	/**
	 * Runs the upgrade exchange on a probing WebSocket, then serves it as the session's.
	 */
	private final class UpgradeHandler implements WebSocketHandler {

		private final WebSocketChannel channel;

		private WebSocketHandler upgraded;

		UpgradeHandler(WebSocketChannel channel) {
			this.channel = channel;
		}

		@Override
		public void onText(String text) {
			if (this.upgraded != null) {
				this.upgraded.onText(text);
				return;
			}
			EnginePacket packet;
			try {
				packet = EnginePacket.decode(text);
			}
			catch (InvalidPacketException ex) {
				abortUpgrade(this.channel);
				return;
			}
			if (packet.type() == EnginePacketType.PING && "probe".equals(packet.text())) {
				onProbe(this.channel);
			}
			else if (packet.type() == EnginePacketType.UPGRADE && completeUpgrade(this.channel)) {
				this.upgraded = webSocketHandler();
			}
			else {
				abortUpgrade(this.channel);
			}
		}

		@Override
		public void onBinary(byte[] data) {
			if (this.upgraded != null) {
				this.upgraded.onBinary(data);
			}
			else {
				abortUpgrade(this.channel);
			}
		}

		@Override
		public void onClose() {
			if (this.upgraded != null) {
				this.upgraded.onClose();
			}
			else {
				abortUpgrade(this.channel);
			}
		}

	}

}
