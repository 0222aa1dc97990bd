package io.orderchat.socketio.engine;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket: one frame per packet, written asynchronously by the web server, and the
 * receiving side for the frames the binding forwards.
 *
 * <p>
 * {@link EngineSocket#send} writes on the caller's thread while
 * {@link EngineSocket#queue} leaves the writing to the server's writer threads
 * ({@link EngineServer#flush}), which write everything waiting in one network write: a
 * broadcast to a thousand sockets only queues, and the busier the writers, the more
 * packets each write carries. One thread at a time hands the outbox to the web server,
 * outside the session's monitor. Frames count against the session's packet limit from
 * when they are handed over until the web server confirms the write; a failed write ends
 * the session.
 *
 * <p>
 * With {@link EngineOptions#writeSpacing()} set, packets must wait a least time between
 * writes: then packets wait for that spacing (a burst of more than {@value #BURST_FRAMES}
 * frames goes out at once), which keeps consecutive packets in separate TCP segments for
 * clients that read one message per read (the official test suites among them; spacing
 * costs latency, so only the conformance configuration uses it).
 */
final class WebSocketTransport extends Transport implements WebSocketHandler {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketTransport.class);

	static final int BURST_FRAMES = 8;

	private final WebSocketChannel channel;

	/** Frames handed to the web server and not yet written. */
	private final AtomicInteger framesInFlight = new AtomicInteger();

	// Guarded by the session's monitor.

	/** A flush of the outbox waits for one of the server's writer threads. */
	private boolean flushQueued;

	/**
	 * A thread is handing the outbox to the WebSocket: others only add to it, that thread
	 * writes what they add before it stops, so writes keep their order without holding
	 * the session's monitor during the web server's write.
	 */
	private boolean writing;

	/** When the last write was handed to the web server, 0 if never. */
	private long lastWriteNanos;

	/** A delayed flush is scheduled (write spacing). */
	private boolean flushScheduled;

	WebSocketTransport(EngineSocket session, WebSocketChannel channel) {
		super(session);
		this.channel = channel;
	}

	WebSocketChannel channel() {
		return this.channel;
	}

	@Override
	String name() {
		return "websocket";
	}

	/**
	 * None: the outbox is checked when it is written ({@link #writeOutbox}), since frames
	 * being handed over right now would look like frames the client has not taken.
	 */
	@Override
	String queueOverflow(int adding) {
		return null;
	}

	@Override
	Followup queued(boolean writeHere) {
		if (spaced()) {
			if (!this.flushScheduled || this.session.outbox().frames() > BURST_FRAMES) {
				flushSpaced();
			}
			return Followup.NONE;
		}
		if (this.writing) {
			// The thread writing now takes these too.
			return Followup.NONE;
		}
		if (writeHere) {
			this.writing = true;
			return Followup.WRITE_ON_SENDER;
		}
		if (!this.flushQueued) {
			this.flushQueued = true;
			return Followup.WRITE_ON_WRITER;
		}
		return Followup.NONE;
	}

	/** Nothing to add: the WebSocket is closed once the outbox is written. */
	@Override
	Followup closing() {
		return Followup.NONE;
	}

	@Override
	void followUp(Followup followup) {
		if (followup == Followup.WRITE_ON_SENDER) {
			writeOutbox();
		}
	}

	@Override
	Runnable end(boolean byClient) {
		return this.channel::close;
	}

	@Override
	void overflowed() {
		this.writing = false;
	}

	/**
	 * Under the monitor, once an upgrade made this the session's transport: starts on
	 * what the session queued while polling. Returns whether a writer thread must write
	 * it ({@link EngineServer#flush}).
	 */
	boolean takeOver() {
		if (this.session.outbox().isEmpty()) {
			return false;
		}
		if (spaced()) {
			flushSpaced();
			return false;
		}
		boolean queueFlush = !this.writing && !this.flushQueued;
		this.flushQueued |= queueFlush;
		return queueFlush;
	}

	@Override
	void flushQueued() {
		synchronized (this.session) {
			this.flushQueued = false;
			if (this.writing) {
				return;
			}
			this.writing = true;
		}
		writeOutbox();
	}

	/**
	 * Hands everything waiting to the WebSocket, one write per round, outside the
	 * session's monitor, until the outbox stays empty; only the thread that set
	 * {@link #writing} calls it. A closing session closes once its outbox is written.
	 */
	private void writeOutbox() {
		EngineSocket session = this.session;
		boolean drained;
		while (true) {
			List<EnginePacket> packets;
			synchronized (session) {
				if (session.outbox().isEmpty() || session.isClosed()) {
					this.writing = false;
					drained = session.isClosing();
					break;
				}
				packets = session.outbox().drain();
				this.framesInFlight.addAndGet(packets.size());
			}
			this.channel.send(packets, new Written(packets));
			// Frames the web server could not write at once wait for the client: a
			// burst it cannot take is caught here, not only at the next send.
			if (this.framesInFlight.get() > session.queueLimit()) {
				session.overflow("limit " + session.queueLimit() + " packets");
				return;
			}
		}
		if (drained) {
			session.close("forced close", false);
		}
	}

	private boolean spaced() {
		return !this.session.server().options().writeSpacing().isZero();
	}

	/**
	 * Under the monitor, with write spacing: writes what the spacing rule allows now (one
	 * group, or everything in a burst) and schedules the rest.
	 */
	private void flushSpaced() {
		Outbox outbox = this.session.outbox();
		long spacing = this.session.server().options().writeSpacing().toNanos();
		long now = System.nanoTime();
		long wait = (this.lastWriteNanos == 0) ? 0 : this.lastWriteNanos + spacing - now;
		boolean burst = outbox.frames() > BURST_FRAMES;
		if (wait <= 0 || burst) {
			write(burst ? outbox.drain() : outbox.poll());
			this.lastWriteNanos = (now == 0) ? 1 : now;
			wait = spacing;
		}
		if (!outbox.isEmpty() && !this.flushScheduled) {
			this.flushScheduled = true;
			this.session.server()
				.scheduler()
				.schedule(() -> Thread.startVirtualThread(this::scheduledFlush), wait, TimeUnit.NANOSECONDS);
		}
	}

	private void scheduledFlush() {
		EngineSocket session = this.session;
		boolean drained;
		synchronized (session) {
			this.flushScheduled = false;
			if (session.isClosed()) {
				return;
			}
			if (!session.outbox().isEmpty()) {
				flushSpaced();
			}
			drained = session.isClosing() && session.outbox().isEmpty();
		}
		if (drained) {
			session.close("forced close", false);
		}
	}

	private void write(List<EnginePacket> packets) {
		this.framesInFlight.addAndGet(packets.size());
		this.channel.send(packets, new Written(packets));
	}

	// --- receiving -----------------------------------------------------------------

	@Override
	public void onText(String text) {
		try {
			this.session.onPacket(EnginePacket.decode(text));
		}
		catch (InvalidPacketException ex) {
			logger.debug("Closing Engine.IO session {}: {}", this.session.id(), ex.getMessage());
			this.session.close("parse error", false);
		}
	}

	@Override
	public void onBinary(byte[] data) {
		this.session.onPacket(EnginePacket.message(data));
	}

	@Override
	public void onClose() {
		this.session.close("transport close", false);
	}

	/**
	 * Releases a write's frames and bytes from the limits; a failed write ends the
	 * session.
	 */
	private final class Written implements WebSocketChannel.WriteCallback {

		private final int frames;

		private final long bytes;

		/** The oldest timed packet's origin, epoch microseconds; 0 if none is timed. */
		private final long originMicros;

		Written(List<EnginePacket> packets) {
			this.frames = packets.size();
			long total = 0;
			long oldest = Long.MAX_VALUE;
			for (EnginePacket packet : packets) {
				total += packet.encodedLength();
				if (packet.originMicros() != 0) {
					oldest = Math.min(oldest, packet.originMicros());
				}
			}
			this.bytes = total;
			this.originMicros = (oldest == Long.MAX_VALUE) ? 0 : oldest;
		}

		@Override
		public void succeeded() {
			release();
			if (this.originMicros != 0) {
				Instant now = Instant.now();
				long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000 - this.originMicros;
				WebSocketTransport.this.session.server().timedWriteListener().accept(micros);
			}
		}

		@Override
		public void failed(Throwable cause) {
			release();
			// Never close from inside the web server's write path: it may hold its own
			// locks.
			Thread.startVirtualThread(() -> WebSocketTransport.this.session.close("transport error", false));
		}

		private void release() {
			WebSocketTransport.this.framesInFlight.addAndGet(-this.frames);
			WebSocketTransport.this.session.waitingBytes().release(this.bytes);
		}

	}

}
