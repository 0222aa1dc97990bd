package io.orderchat.socketio;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.orderchat.socketio.engine.EngineServer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Socket.IO v4 server (protocol v5 over Engine.IO v4). Owns the namespaces; the web
 * server reaches it through {@link #engine()} (see
 * {@code io.orderchat.socketio.servlet}).
 *
 * <p>
 * Threading contract: middleware, connection listeners, event handlers and disconnect
 * listeners of one socket run one at a time, in arrival order, on virtual threads, and
 * may block (JDBC is fine). Exceptions they throw go to the {@link ErrorHandler} and
 * never close the connection. Emits and broadcasts never block: each connection has a
 * bounded outbound queue, and a client that lets it overflow is disconnected.
 */
public final class SocketIoServer {

	private static final Logger logger = LoggerFactory.getLogger(SocketIoServer.class);

	private final SocketIoOptions options;

	private final ObjectMapper mapper;

	private final PacketWriter writer;

	private final EngineServer engine;

	private final Map<String, DefaultNamespace> namespaces = new ConcurrentHashMap<>();

	private volatile ErrorHandler errorHandler = (socket, event, error, ack) -> logger
		.error("Handler of {} failed for {}", (event != null) ? "\"" + event + "\"" : "connection", socket, error);

	public SocketIoServer(SocketIoOptions options) {
		this(options, JsonMapper.builder().build());
	}

	/**
	 * @param mapper converts emitted values to JSON and parses incoming payloads
	 */
	public SocketIoServer(SocketIoOptions options, ObjectMapper mapper) {
		this.options = options;
		this.mapper = mapper;
		this.writer = new PacketWriter(mapper);
		this.engine = new EngineServer(options.engineOptions());
		this.engine.onConnection((connection) -> new Client(this, connection));
		of("/");
	}

	/** Returns the namespace called {@code name}, creating it on first use. */
	public Namespace of(String name) {
		String normalized = name.startsWith("/") ? name : "/" + name;
		return this.namespaces.computeIfAbsent(normalized, (key) -> new DefaultNamespace(key, this));
	}

	/** The main namespace, {@code "/"}. */
	public Namespace sockets() {
		return of("/");
	}

	/** The Engine.IO server underneath, for the web-server binding. */
	public EngineServer engine() {
		return this.engine;
	}

	public SocketIoOptions options() {
		return this.options;
	}

	/** Replaces the handler told of exceptions thrown by application code. */
	public void setErrorHandler(ErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	/** Disconnects every socket, closes every connection and stops the timers. */
	public void close() {
		for (DefaultNamespace namespace : List.copyOf(this.namespaces.values())) {
			// no DISCONNECT packet: a client told "io server disconnect" would not come
			// back
			// (socket.io-client reconnects only when the transport closes), and a
			// stopping
			// node wants its clients to reconnect to another one, as socket.io's own
			// close()
			namespace.closeAll("server shutting down");
			namespace.adapter().close();
		}
		this.engine.close();
	}

	DefaultNamespace namespace(String name) {
		return this.namespaces.get(name);
	}

	ObjectMapper mapper() {
		return this.mapper;
	}

	PacketWriter writer() {
		return this.writer;
	}

	ScheduledExecutorService scheduler() {
		return this.engine.scheduler();
	}

	void reportError(SocketIoSocket socket, String event, Throwable error, Ack ack) {
		try {
			this.errorHandler.handle(socket, event, error, ack);
		}
		catch (RuntimeException | Error ex) {
			SerialExecutor.logQuietly("Error handler failed", ex);
		}
	}

}
