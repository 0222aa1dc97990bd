package io.orderchat.socketio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.orderchat.socketio.engine.EnginePacket;
import io.orderchat.socketio.engine.EngineSocket;
import io.orderchat.socketio.parser.Packet;
import io.orderchat.socketio.parser.PacketDecoder;
import io.orderchat.socketio.parser.PacketType;
import io.orderchat.socketio.parser.ParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO connection seen by Socket.IO: decodes its messages, routes them to the
 * socket of each namespace it joined, and closes it if it joins none within the connect
 * timeout or sends anything malformed.
 */
final class Client {

	private static final Logger logger = LoggerFactory.getLogger(Client.class);

	private final SocketIoServer server;

	private final EngineSocket connection;

	private final PacketDecoder decoder;

	// Guarded by this.

	private final Map<String, DefaultSocket> sockets = new HashMap<>(2);

	private ScheduledFuture<?> connectTimer;

	Client(SocketIoServer server, EngineSocket connection) {
		this.server = server;
		this.connection = connection;
		this.decoder = new PacketDecoder(server.mapper(), server.options().maxAttachments());
		connection.onMessage(this::onMessage);
		connection.onClose(this::onClose);
		this.connectTimer = server.scheduler()
			.schedule(this::onConnectTimeout, server.options().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	boolean congested() {
		return this.connection.congested();
	}

	void write(EncodedPacket packet) {
		this.connection.send(packet.enginePackets());
	}

	/**
	 * Queues a broadcast's packet; adds the connection to {@code idle} if it needs a
	 * flush.
	 */
	void queue(EncodedPacket packet, List<EngineSocket> idle) {
		if (this.connection.queue(packet.enginePackets(), packet.engineBytes())) {
			idle.add(this.connection);
		}
	}

	private void onMessage(EnginePacket message) {
		Packet packet;
		try {
			synchronized (this.decoder) {
				packet = message.isBinary() ? this.decoder.decode(message.binary())
						: this.decoder.decode(message.text());
			}
		}
		catch (ParseException ex) {
			logger.debug("Closing connection {}: {}", this.connection.id(), ex.getMessage());
			close("parse error");
			return;
		}
		if (packet == null) {
			return;
		}
		if (packet.type() == PacketType.CONNECT) {
			connect(packet.namespace(), packet.data());
			return;
		}
		DefaultSocket socket;
		synchronized (this) {
			socket = this.sockets.get(packet.namespace());
		}
		if (socket != null) {
			socket.onPacket(packet);
		}
	}

	private void connect(String name, JsonNode auth) {
		DefaultNamespace namespace = this.server.namespace(name);
		if (namespace == null) {
			write(this.server.writer().connectError(name, "Invalid namespace", null));
			return;
		}
		EngineSocket engine = this.connection;
		Handshake handshake = new Handshake((auth != null) ? auth : JsonNodeFactory.instance.objectNode(),
				engine.request().query(), engine.request().headers(), engine.request().remoteAddress(), engine.issued(),
				engine.transport());
		DefaultSocket socket = new DefaultSocket(namespace, this, handshake);
		synchronized (this) {
			if (this.sockets.containsKey(name)) {
				return;
			}
			this.sockets.put(name, socket);
		}
		socket.startConnect();
	}

	/** A socket passed its middleware: the connection has joined a namespace. */
	synchronized void connected(DefaultSocket socket) {
		// The middleware has read the headers; namespaces joined later see none.
		this.connection.releaseHeaders();
		this.connection.establish();
		if (this.connectTimer != null) {
			this.connectTimer.cancel(false);
			this.connectTimer = null;
		}
	}

	synchronized void remove(DefaultSocket socket) {
		this.sockets.remove(socket.namespace().name(), socket);
	}

	/** Disconnects every namespace (each gets DISCONNECT), then closes the connection. */
	void disconnectAll() {
		for (DefaultSocket socket : snapshot()) {
			socket.disconnectForClose();
		}
		this.connection.close();
	}

	private void close(String reason) {
		for (DefaultSocket socket : snapshot()) {
			socket.onClose(reason);
		}
		this.connection.close();
	}

	private void onConnectTimeout() {
		boolean joined;
		synchronized (this) {
			joined = this.connectTimer == null;
		}
		if (!joined) {
			logger.debug("Closing connection {}: no namespace joined in time", this.connection.id());
			// At once: a graceful close would wait for queued packets (a ping) that a
			// client that never connected may never take.
			for (DefaultSocket socket : snapshot()) {
				socket.onClose("connect timeout");
			}
			this.connection.abort("connect timeout");
		}
	}

	private void onClose(String reason) {
		synchronized (this) {
			if (this.connectTimer != null) {
				this.connectTimer.cancel(false);
				this.connectTimer = null;
			}
		}
		for (DefaultSocket socket : snapshot()) {
			socket.onClose(reason);
		}
	}

	private synchronized List<DefaultSocket> snapshot() {
		return List.copyOf(this.sockets.values());
	}

}
