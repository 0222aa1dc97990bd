package io.orderchat.socketio;

import java.util.IntSummaryStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.orderchat.socketio.engine.EngineSocket;

/**
 * A namespace of one {@link SocketIoServer}: runs the CONNECT sequence (middleware, room
 * of its own, CONNECT reply, listeners) and owns the adapter.
 */
final class DefaultNamespace implements Namespace {

	private final String name;

	private final SocketIoServer server;

	private final Adapter adapter;

	private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();

	private final List<Consumer<SocketIoSocket>> connectionListeners = new CopyOnWriteArrayList<>();

	private final Map<String, DefaultSocket> sockets = new ConcurrentHashMap<>();

	DefaultNamespace(String name, SocketIoServer server) {
		this.name = name;
		this.server = server;
		this.adapter = server.options().adapterFactory().create(name, this::deliver);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void use(Middleware middleware) {
		this.middlewares.add(middleware);
	}

	@Override
	public void onConnection(Consumer<SocketIoSocket> listener) {
		this.connectionListeners.add(listener);
	}

	@Override
	public BroadcastOperator to(String... rooms) {
		return new DefaultBroadcastOperator(this, Set.of(), Set.of()).to(rooms);
	}

	@Override
	public BroadcastOperator except(String... rooms) {
		return new DefaultBroadcastOperator(this, Set.of(), Set.of()).except(rooms);
	}

	@Override
	public void emit(String event, Object... args) {
		new DefaultBroadcastOperator(this, Set.of(), Set.of()).emit(event, args);
	}

	@Override
	public Optional<SocketIoSocket> socket(String id) {
		return Optional.ofNullable(this.sockets.get(id));
	}

	@Override
	public Set<String> socketIdsIn(String room) {
		return this.adapter.sockets(Set.of(room));
	}

	@Override
	public boolean hasSockets(String room) {
		return this.adapter.hasSockets(room);
	}

	@Override
	public int size() {
		return this.sockets.size();
	}

	Adapter adapter() {
		return this.adapter;
	}

	@Override
	public IntSummaryStatistics roomSizes() {
		return this.adapter.roomSizes();
	}

	PacketWriter writer() {
		return this.server.writer();
	}

	SocketIoServer server() {
		return this.server;
	}

	/**
	 * Runs on the socket's executor: the middleware chain, then either a CONNECT_ERROR or
	 * the socket's admission and the connection listeners.
	 */
	void connect(DefaultSocket socket) {
		for (Middleware middleware : this.middlewares) {
			try {
				middleware.handle(socket);
			}
			catch (ConnectionRefused ex) {
				socket.refuse(writer().connectError(this.name, ex.getMessage(), ex.data()));
				return;
			}
			catch (RuntimeException ex) {
				this.server.reportError(socket, null, ex, Ack.NONE);
				socket.refuse(writer().connectError(this.name, "Internal server error", null));
				return;
			}
		}
		boolean admitted = socket.admit(() -> {
			socket.write(writer().connect(this.name, socket.id()));
			this.sockets.put(socket.id(), socket);
			this.adapter.addAll(socket.id(), Set.of(socket.id()));
		});
		if (!admitted) {
			return;
		}
		for (Consumer<SocketIoSocket> listener : this.connectionListeners) {
			try {
				listener.accept(socket);
			}
			catch (RuntimeException ex) {
				this.server.reportError(socket, null, ex, Ack.NONE);
			}
		}
	}

	void remove(DefaultSocket socket) {
		this.adapter.delAll(socket.id());
		this.sockets.remove(socket.id(), socket);
	}

	/** Closes every socket without telling its client (the transport's close will). */
	void closeAll(String reason) {
		for (DefaultSocket socket : List.copyOf(this.sockets.values())) {
			socket.onClose(reason);
		}
	}

	/**
	 * Queues the packet on each socket's connection, then has the engine's writer threads
	 * write the connections that were idle — all of them in a few tasks.
	 */
	private void deliver(Iterable<String> socketIds, EncodedPacket packet) {
		List<EngineSocket> idle = new ArrayList<>();
		for (String socketId : socketIds) {
			DefaultSocket socket = this.sockets.get(socketId);
			if (socket != null) {
				socket.queue(packet, idle);
			}
		}
		if (!idle.isEmpty()) {
			this.server.engine().flush(idle);
		}
	}

}
