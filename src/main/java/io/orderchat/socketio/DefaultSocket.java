package io.orderchat.socketio;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.orderchat.socketio.engine.EngineSocket;
import io.orderchat.socketio.parser.Packet;
import tools.jackson.databind.JsonNode;

/**
 * A socket of one namespace on one {@link Client}. Inbound packets are queued on the
 * socket's {@link SerialExecutor}; state changes (admission, disconnect, acks) take the
 * socket's own monitor.
 */
final class DefaultSocket implements SocketIoSocket {

	private static final SecureRandom random = new SecureRandom();

	private static final JsonNode[] NO_ARGS = new JsonNode[0];

	private final String id = newId();

	private final DefaultNamespace namespace;

	private final Client client;

	private volatile Handshake handshake;

	private final SerialExecutor executor = new SerialExecutor();

	// Read on every packet, written a few times in a socket's life: immutable copies
	// replaced under this monitor, so an idle socket holds three small constants, not
	// three concurrent collections.

	private volatile Map<String, Object> attributes = Map.of();

	private volatile Map<String, EventHandler> handlers = Map.of();

	private volatile AnyEventHandler anyHandler;

	private volatile List<Consumer<String>> disconnectListeners = List.of();

	private volatile boolean connected;

	// Guarded by this.

	private boolean closed;

	private long nextAckId;

	private Map<Long, CompletableFuture<JsonNode[]>> pendingAcks;

	DefaultSocket(DefaultNamespace namespace, Client client, Handshake handshake) {
		this.namespace = namespace;
		this.client = client;
		this.handshake = handshake;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public Namespace namespace() {
		return this.namespace;
	}

	@Override
	public Handshake handshake() {
		return this.handshake;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T attribute(String key) {
		return (T) this.attributes.get(key);
	}

	@Override
	public synchronized void attribute(String key, Object value) {
		Map<String, Object> copy = new HashMap<>(this.attributes);
		if (value == null) {
			copy.remove(key);
		}
		else {
			copy.put(key, value);
		}
		this.attributes = Map.copyOf(copy);
	}

	@Override
	public synchronized void on(String event, EventHandler handler) {
		Map<String, EventHandler> copy = new HashMap<>(this.handlers);
		copy.put(event, handler);
		this.handlers = Map.copyOf(copy);
	}

	@Override
	public void onAny(AnyEventHandler handler) {
		this.anyHandler = handler;
	}

	@Override
	public synchronized void onDisconnect(Consumer<String> reasonListener) {
		List<Consumer<String>> copy = new ArrayList<>(this.disconnectListeners);
		copy.add(reasonListener);
		this.disconnectListeners = List.copyOf(copy);
	}

	@Override
	public void join(String room) {
		// Middleware may join rooms before admission; a refused socket leaves them again.
		synchronized (this) {
			if (!this.closed) {
				this.namespace.adapter().addAll(this.id, Set.of(room));
			}
		}
	}

	@Override
	public void leave(String room) {
		this.namespace.adapter().del(this.id, room);
	}

	@Override
	public Set<String> rooms() {
		return this.namespace.adapter().socketRooms(this.id);
	}

	@Override
	public void emit(String event, Object... args) {
		EncodedPacket packet = this.namespace.writer().event(this.namespace.name(), null, event, args);
		if (this.connected) {
			write(packet);
		}
	}

	@Override
	public CompletableFuture<JsonNode[]> emitWithAck(Duration timeout, String event, Object... args) {
		CompletableFuture<JsonNode[]> future = new CompletableFuture<>();
		long ackId;
		synchronized (this) {
			if (!this.connected) {
				future.completeExceptionally(new IllegalStateException("socket " + this.id + " is disconnected"));
				return future;
			}
			ackId = this.nextAckId++;
			if (this.pendingAcks == null) {
				this.pendingAcks = new HashMap<>(4);
			}
			this.pendingAcks.put(ackId, future);
		}
		this.namespace.server()
			.scheduler()
			.schedule(() -> failAck(ackId, new TimeoutException("no ack for \"" + event + "\" within " + timeout)),
					timeout.toMillis(), TimeUnit.MILLISECONDS);
		write(this.namespace.writer().event(this.namespace.name(), ackId, event, args));
		return future;
	}

	@Override
	public BroadcastOperator to(String... rooms) {
		return new DefaultBroadcastOperator(this.namespace, Set.of(), Set.of(this.id)).to(rooms);
	}

	@Override
	public void disconnect(boolean closeTransport) {
		if (closeTransport) {
			this.client.disconnectAll();
			return;
		}
		if (this.connected) {
			write(this.namespace.writer().disconnect(this.namespace.name()));
			onClose("server namespace disconnect");
		}
	}

	/** Sends DISCONNECT and leaves; used when the whole connection goes. */
	void disconnectForClose() {
		if (this.connected) {
			write(this.namespace.writer().disconnect(this.namespace.name()));
		}
		onClose("server namespace disconnect");
	}

	@Override
	public boolean connected() {
		return this.connected;
	}

	@Override
	public boolean congested() {
		return this.client.congested();
	}

	void write(EncodedPacket packet) {
		this.client.write(packet);
	}

	/**
	 * A broadcast reaching this socket: queued, not written on the broadcaster's thread;
	 * adds the connection to {@code idle} if nothing will write it yet.
	 */
	void queue(EncodedPacket packet, List<EngineSocket> idle) {
		this.client.queue(packet, idle);
	}

	/** Starts the CONNECT sequence on the socket's executor. */
	void startConnect() {
		this.executor.execute(() -> this.namespace.connect(this));
	}

	/**
	 * Marks the socket connected and runs {@code registration} atomically with respect to
	 * a concurrent disconnect; returns {@code false} if the client left meanwhile.
	 */
	synchronized boolean admit(Runnable registration) {
		if (this.closed) {
			return false;
		}
		this.connected = true;
		// Headers are for the middleware; an idle socket should not keep them.
		this.handshake = this.handshake.withoutHeaders();
		registration.run();
		this.client.connected(this);
		return true;
	}

	void refuse(EncodedPacket connectError) {
		write(connectError);
		synchronized (this) {
			this.closed = true;
		}
		this.namespace.adapter().delAll(this.id);
		this.client.remove(this);
	}

	/** Called on the connection's receiving thread with a packet for this namespace. */
	void onPacket(Packet packet) {
		switch (packet.type()) {
			case EVENT, BINARY_EVENT -> this.executor.execute(() -> dispatch(packet));
			case ACK, BINARY_ACK -> completeAck(packet);
			case DISCONNECT -> onClose("client namespace disconnect");
			default -> {
				// A second CONNECT, or a CONNECT_ERROR from a client: nothing to do.
			}
		}
	}

	private void dispatch(Packet packet) {
		if (!this.connected) {
			return;
		}
		JsonNode data = packet.data();
		String event = data.get(0).asString();
		JsonNode[] args = new JsonNode[data.size() - 1];
		for (int i = 1; i < data.size(); i++) {
			args[i - 1] = data.get(i);
		}
		Ack ack = (packet.id() != null) ? new SocketAck(packet.id()) : Ack.NONE;
		EventHandler handler = this.handlers.get(event);
		AnyEventHandler any = this.anyHandler;
		try {
			if (handler != null) {
				handler.handle(args, ack);
			}
			else if (any != null) {
				any.handle(event, args, ack);
			}
		}
		catch (Exception | Error ex) {
			// Errors too (an OutOfMemoryError while building a large answer): the error
			// handler may still answer the ack with a short error.
			this.namespace.server().reportError(this, event, ex, ack);
		}
	}

	private void completeAck(Packet packet) {
		CompletableFuture<JsonNode[]> future;
		synchronized (this) {
			future = (this.pendingAcks != null) ? this.pendingAcks.remove(packet.id()) : null;
		}
		if (future != null) {
			JsonNode data = packet.data();
			JsonNode[] args = data.isEmpty() ? NO_ARGS : data.valueStream().toArray(JsonNode[]::new);
			// Dependent stages must not run on the web server's receiving thread.
			Thread.startVirtualThread(() -> future.complete(args));
		}
	}

	private void failAck(long ackId, Throwable cause) {
		CompletableFuture<JsonNode[]> future;
		synchronized (this) {
			future = (this.pendingAcks != null) ? this.pendingAcks.remove(ackId) : null;
		}
		if (future != null) {
			Thread.startVirtualThread(() -> future.completeExceptionally(cause));
		}
	}

	/** Leaves the namespace for {@code reason}; the listeners run on the executor. */
	void onClose(String reason) {
		boolean wasConnected;
		Map<Long, CompletableFuture<JsonNode[]>> acks;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			wasConnected = this.connected;
			this.connected = false;
			acks = this.pendingAcks;
			this.pendingAcks = null;
		}
		this.client.remove(this);
		if (!wasConnected) {
			this.namespace.adapter().delAll(this.id);
			return;
		}
		this.namespace.remove(this);
		if (acks != null) {
			IllegalStateException cause = new IllegalStateException("socket " + this.id + " disconnected: " + reason);
			acks.values().forEach((future) -> Thread.startVirtualThread(() -> future.completeExceptionally(cause)));
		}
		this.executor.execute(() -> {
			for (Consumer<String> listener : this.disconnectListeners) {
				try {
					listener.accept(reason);
				}
				catch (RuntimeException ex) {
					this.namespace.server().reportError(this, null, ex, Ack.NONE);
				}
			}
		});
	}

	private static String newId() {
		byte[] bytes = new byte[15];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "socket " + this.id + " on " + this.namespace.name();
	}

	/** The ack of one received event: sent at most once. */
	private final class SocketAck implements Ack {

		private final long ackId;

		private final AtomicBoolean sent = new AtomicBoolean();

		SocketAck(long ackId) {
			this.ackId = ackId;
		}

		@Override
		public boolean requested() {
			return true;
		}

		@Override
		public void send(Object... args) {
			if (this.sent.compareAndSet(false, true) && DefaultSocket.this.connected) {
				try {
					write(DefaultSocket.this.namespace.writer()
						.ack(DefaultSocket.this.namespace.name(), this.ackId, args));
				}
				catch (RuntimeException | Error ex) {
					// Nothing went out (encoding failed): an error answer may still.
					this.sent.set(false);
					throw ex;
				}
			}
		}

	}

}
