package io.orderchat.socketio.engine;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Engine.IO v4 server: checks requests, opens sessions, and routes long-polling
 * requests and WebSockets to them. It knows nothing of HTTP servers; a binding (see
 * {@code io.orderchat.socketio.servlet}) turns requests into {@link EngineRequest}s and
 * calls it.
 *
 * <p>
 * All timers (upgrade and connect timeouts, and one heartbeat sweep over every session
 * instead of a timer per session) run on one shared scheduler thread; their tasks only
 * flip state or enqueue packets. Broadcast writes run on a few writer threads, one per
 * core.
 *
 * <p>
 * New sessions are admitted within {@link EngineLimits} (see {@link HandshakeGuard});
 * bytes waiting for clients are counted per session and for the whole server, so that
 * slow clients cannot fill the heap (see {@link EngineSocket}).
 */
public final class EngineServer {

	private static final Logger logger = LoggerFactory.getLogger(EngineServer.class);

	private static final SecureRandom random = new SecureRandom();

	private final EngineOptions options;

	private final ScheduledThreadPoolExecutor scheduler;

	/** Below this many sessions, a broadcast's writes are not split further. */
	private static final int FLUSH_CHUNK_MIN = 16;

	private final ExecutorService writers;

	private final int writerCount;

	private final Map<String, EngineSocket> sessions = new ConcurrentHashMap<>();

	private final HandshakeGuard guard;

	/** Bytes waiting for every session's client together. */
	private final OutboundBytes outbound = OutboundBytes.total();

	private final AtomicLong slowConsumers = new AtomicLong();

	private final AtomicLong handshakes = new AtomicLong();

	private volatile Consumer<EngineSocket> connectionListener = (socket) -> {
	};

	private volatile LongConsumer timedWriteListener = (micros) -> {
	};

	public EngineServer(EngineOptions options) {
		this.options = options;
		this.guard = new HandshakeGuard(options.limits());
		this.scheduler = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().name("engine-io-timer").daemon().factory());
		this.scheduler.setRemoveOnCancelPolicy(true);
		long tick = heartbeatTick(options);
		this.scheduler.scheduleWithFixedDelay(this::sweepHeartbeats, tick, tick, TimeUnit.MILLISECONDS);
		this.scheduler.scheduleWithFixedDelay(() -> this.guard.sweep(System.nanoTime()), 10, 10, TimeUnit.SECONDS);
		this.writerCount = Math.max(2, Runtime.getRuntime().availableProcessors());
		this.writers = Executors.newFixedThreadPool(this.writerCount,
				Thread.ofPlatform().name("engine-io-writer-", 1).daemon().factory());
	}

	/**
	 * A tenth of the shorter of ping interval and timeout, between 5 ms and one second:
	 * pings and timeouts are that much late at most.
	 */
	static long heartbeatTick(EngineOptions options) {
		long shorter = Math.min(options.pingInterval().toMillis(), options.pingTimeout().toMillis());
		return Math.clamp(shorter / 10, 5, 1000);
	}

	private void sweepHeartbeats() {
		long now = System.nanoTime();
		for (EngineSocket socket : this.sessions.values()) {
			try {
				socket.heartbeat(now);
			}
			catch (RuntimeException ex) {
				logger.error("Heartbeat of Engine.IO session {} failed", socket.id(), ex);
			}
		}
	}

	public EngineOptions options() {
		return this.options;
	}

	/**
	 * Has the writer threads write the outboxes of sessions that
	 * {@link EngineSocket#queue} asked for: a broadcast's sessions are split into one
	 * task per writer thread, not one task each.
	 */
	public void flush(List<EngineSocket> sockets) {
		int chunk = Math.max(FLUSH_CHUNK_MIN, Math.ceilDiv(sockets.size(), this.writerCount));
		for (int from = 0; from < sockets.size(); from += chunk) {
			List<EngineSocket> part = sockets.subList(from, Math.min(sockets.size(), from + chunk));
			this.writers.execute(() -> {
				for (EngineSocket socket : part) {
					try {
						socket.flushQueued();
					}
					catch (RuntimeException ex) {
						logger.error("Writing to Engine.IO session {} failed", socket.id(), ex);
					}
				}
			});
		}
	}

	/** The shared timer; tasks must be short. */
	public ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	/**
	 * Sets the listener told of each new session, before the client can send anything.
	 */
	public void onConnection(Consumer<EngineSocket> listener) {
		this.connectionListener = listener;
	}

	/**
	 * Sets the listener told, for each WebSocket write the web server completed that
	 * carried timed packets (see {@link EnginePacket#message(String, long)}), the
	 * microseconds from the oldest one's origin to the write.
	 */
	public void onTimedWrite(LongConsumer listener) {
		this.timedWriteListener = listener;
	}

	LongConsumer timedWriteListener() {
		return this.timedWriteListener;
	}

	/** The number of open sessions. */
	public int size() {
		return this.sessions.size();
	}

	/**
	 * The number of open sessions not yet established ({@link EngineSocket#establish()}).
	 */
	public int pendingSessions() {
		return this.guard.pending();
	}

	/**
	 * Open sessions whose transport now is {@code transport} ({@code polling},
	 * {@code websocket}).
	 */
	public long size(String transport) {
		return this.sessions.values().stream().filter((socket) -> transport.equals(socket.transport())).count();
	}

	/** Handshakes admitted (sessions opened) since the server started. */
	public long handshakes() {
		return this.handshakes.get();
	}

	/** Handshakes refused over the limits since the server started. */
	public long refusedHandshakes() {
		return this.guard.refused();
	}

	/** Sessions closed since the server started because their clients did not keep up. */
	public long slowConsumerClosures() {
		return this.slowConsumers.get();
	}

	/** Bytes waiting for all clients together. */
	public long outboundBytes() {
		return this.outbound.waiting();
	}

	OutboundBytes outbound() {
		return this.outbound;
	}

	/** Whether the bytes waiting for all clients are over the server's budget. */
	boolean outboundOverBudget() {
		return this.outbound.waiting() > this.options.limits().totalOutboundBytes();
	}

	void countSlowConsumer() {
		this.slowConsumers.incrementAndGet();
	}

	void established() {
		this.guard.established();
	}

	/**
	 * Checks a request the way the reference server does, in the same order.
	 * @return the error to answer with, or {@code null} if the request may proceed
	 */
	public EngineError verify(EngineRequest request) {
		String transport = request.transport();
		if (!"polling".equals(transport) && !"websocket".equals(transport)) {
			return EngineError.UNKNOWN_TRANSPORT;
		}
		if (!this.options.allowsOrigin(request.header("origin"), request.header("host"))) {
			return EngineError.FORBIDDEN;
		}
		if (!"4".equals(request.parameter("EIO"))) {
			return EngineError.UNSUPPORTED_PROTOCOL_VERSION;
		}
		String sid = request.sid();
		if (sid != null) {
			EngineSocket socket = this.sessions.get(sid);
			if (socket == null) {
				return EngineError.UNKNOWN_SID;
			}
			if (!request.upgrade() && !transport.equals(socket.transport())) {
				return EngineError.BAD_REQUEST;
			}
			if (request.upgrade() && !"websocket".equals(transport)) {
				return EngineError.BAD_REQUEST;
			}
			return null;
		}
		if ("polling".equals(transport) && !"GET".equals(request.method())) {
			return EngineError.BAD_HANDSHAKE_METHOD;
		}
		if ("websocket".equals(transport) && !request.upgrade()) {
			return EngineError.BAD_REQUEST;
		}
		return this.guard.admit(request.remoteAddress(), System.nanoTime());
	}

	/** Serves a verified long-polling GET: a handshake, or a poll for pending packets. */
	public void handlePoll(EngineRequest request, PollResponder responder) {
		String sid = request.sid();
		if (sid == null) {
			EngineSocket socket = open(request, null);
			responder.respond(200, PollingTransport.TEXT_PLAIN, openPacket(socket, List.of("websocket")).encode());
			return;
		}
		EngineSocket socket = this.sessions.get(sid);
		if (socket == null) {
			responder.fail(EngineError.UNKNOWN_SID);
			return;
		}
		socket.onPoll(responder);
	}

	/** Serves a verified long-polling POST carrying {@code body}. */
	public void handlePost(EngineRequest request, String body, PollResponder responder) {
		EngineSocket socket = this.sessions.get(request.sid());
		if (socket == null) {
			responder.fail(EngineError.UNKNOWN_SID);
			return;
		}
		socket.onPost(body, responder);
	}

	/** A poll request's connection ended before it was answered. */
	public void pollAborted(EngineRequest request, PollResponder responder) {
		EngineSocket socket = this.sessions.get(request.sid());
		if (socket != null) {
			socket.onPollAborted(responder);
		}
	}

	/**
	 * A POST body was larger than {@link EngineOptions#maxPayload()}: the session ends.
	 */
	public void payloadTooLarge(EngineRequest request) {
		EngineSocket socket = this.sessions.get(request.sid());
		if (socket != null) {
			logger.debug("Closing Engine.IO session {}: payload too large", socket.id());
			socket.close("transport error", false);
		}
	}

	/**
	 * Serves a verified WebSocket that has just opened: a new session, or a probe to
	 * upgrade an existing polling session. Returns the handler for its frames; if the
	 * WebSocket cannot be used it is closed and the handler ignores everything.
	 */
	public WebSocketHandler openWebSocket(EngineRequest request, WebSocketChannel channel) {
		String sid = request.sid();
		if (sid == null) {
			EngineSocket socket = open(request, channel);
			return socket.webSocketHandler();
		}
		EngineSocket socket = this.sessions.get(sid);
		WebSocketHandler handler = (socket != null) ? socket.startUpgrade(channel) : null;
		if (handler == null) {
			channel.close();
			return IGNORE;
		}
		return handler;
	}

	/** Closes every session and stops the timers. */
	public void close() {
		for (EngineSocket socket : List.copyOf(this.sessions.values())) {
			socket.close("server shutting down", false);
		}
		this.scheduler.shutdownNow();
		this.writers.shutdown();
	}

	void remove(EngineSocket socket) {
		if (this.sessions.remove(socket.id(), socket)) {
			this.guard.closed(socket.remoteAddress(), socket.leavePending());
		}
	}

	private EngineSocket open(EngineRequest request, WebSocketChannel channel) {
		EngineSocket socket = new EngineSocket(newId(), this, request, channel);
		this.handshakes.incrementAndGet();
		this.guard.opened(socket.remoteAddress(), System.nanoTime());
		this.sessions.put(socket.id(), socket);
		if (channel != null) {
			socket.send(openPacket(socket, List.of()));
		}
		try {
			this.connectionListener.accept(socket);
		}
		catch (RuntimeException ex) {
			logger.error("Connection listener failed for Engine.IO session {}", socket.id(), ex);
		}
		return socket;
	}

	private EnginePacket openPacket(EngineSocket socket, List<String> upgrades) {
		String json = "{\"sid\":\"" + socket.id() + "\",\"upgrades\":"
				+ (upgrades.isEmpty() ? "[]" : "[\"" + String.join("\",\"", upgrades) + "\"]") + ",\"pingInterval\":"
				+ this.options.pingInterval().toMillis() + ",\"pingTimeout\":" + this.options.pingTimeout().toMillis()
				+ ",\"maxPayload\":" + this.options.maxPayload() + "}";
		return EnginePacket.of(EnginePacketType.OPEN, json);
	}

	/** 120 random bits, URL-safe: a session id is a bearer credential for polling. */
	static String newId() {
		byte[] bytes = new byte[15];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static final WebSocketHandler IGNORE = new WebSocketHandler() {

		@Override
		public void onText(String text) {
		}

		@Override
		public void onBinary(byte[] data) {
		}

		@Override
		public void onClose() {
		}

	};

}
