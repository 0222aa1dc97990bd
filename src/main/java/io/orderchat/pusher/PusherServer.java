package io.orderchat.pusher;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Pusher Channels server (protocol 7) on one node: it admits connections, keeps who
 * subscribes to which channel, pings quiet clients and delivers
 * {@link #trigger(String, String, Object) triggered} events to this node's subscribers.
 * Delivery is at most once: a client that is not connected when an event is triggered
 * never gets it, as with Pusher itself.
 */
public final class PusherServer implements AutoCloseable {

	private final PusherOptions options;

	private final JsonMapper json;

	private final ChannelSignature signature;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Set<PusherConnection>> subscribers = new ConcurrentHashMap<>();

	private final Set<PusherConnection> connections = ConcurrentHashMap.newKeySet();

	/** Admitted connections, counted before they enter {@link #connections}. */
	private final AtomicInteger admitted = new AtomicInteger();

	private final AtomicLong refusedConnections = new AtomicLong();

	private final AtomicLong slowConsumerClosures = new AtomicLong();

	private final ScheduledExecutorService heartbeat;

	/**
	 * @param json writes the data of triggered events (the server's own mapper, so they
	 * read like its REST bodies)
	 */
	public PusherServer(PusherOptions options, JsonMapper json) {
		this.options = options;
		this.json = json;
		this.signature = new ChannelSignature(options.appKey(), options.appSecret());
		this.heartbeat = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("pusher-heartbeat").daemon(true).factory());
		long period = Math.clamp(options.pongTimeout().toMillis() / 4, 50, 1000);
		this.heartbeat.scheduleWithFixedDelay(this::checkActivity, period, period, TimeUnit.MILLISECONDS);
	}

	public PusherOptions options() {
		return this.options;
	}

	/**
	 * A WebSocket opened at {@code /app/<appKey>}: answers
	 * {@code pusher:connection_established}, or refuses with {@code pusher:error} and
	 * closes (4001 unknown key, 4007 unsupported protocol, 4100 over capacity).
	 * @param protocol the client's {@code protocol} query parameter, {@code null} if none
	 * @return the connection, to which the transport passes what the client sends
	 */
	public PusherConnection open(PusherTransport transport, String appKey, String protocol) {
		PusherConnection connection = new PusherConnection(this, transport, newSocketId());
		if (!this.options.appKey().equals(appKey)) {
			this.refusedConnections.incrementAndGet();
			connection.refuse(PusherConnection.APP_KEY_UNKNOWN, "App key " + appKey + " does not exist");
			return connection;
		}
		if (!supported(protocol)) {
			this.refusedConnections.incrementAndGet();
			connection.refuse(PusherConnection.UNSUPPORTED_PROTOCOL, "Unsupported protocol version " + protocol);
			return connection;
		}
		if (this.admitted.incrementAndGet() > this.options.maxConnections()) {
			this.admitted.decrementAndGet();
			this.refusedConnections.incrementAndGet();
			connection.refuse(PusherConnection.OVER_CAPACITY, "Over capacity: try again later");
			return connection;
		}
		this.connections.add(connection);
		connection.establish();
		return connection;
	}

	/** Protocols 5 to 7 frame alike; no {@code protocol} parameter is taken as 7. */
	private static boolean supported(String protocol) {
		return protocol == null || protocol.equals("5") || protocol.equals("6") || protocol.equals("7");
	}

	/**
	 * Delivers {@code event} with {@code data} written as JSON to this node's subscribers
	 * of {@code channel}; the frame is encoded once for all of them.
	 * @return how many connections it was sent to
	 */
	public int trigger(String channel, String event, Object data) {
		if (!hasSubscribers(channel)) {
			return 0;
		}
		return trigger(channel, event, this.json.writeValueAsString(data));
	}

	/**
	 * Delivers {@code event} with {@code data} as it is (normally JSON text, which
	 * clients parse) to this node's subscribers of {@code channel}.
	 * @return how many connections it was sent to
	 */
	public int trigger(String channel, String event, String data) {
		Set<PusherConnection> recipients = this.subscribers.get(channel);
		if (recipients == null || recipients.isEmpty()) {
			return 0;
		}
		byte[] frame = frame(event, channel, data);
		int sent = 0;
		for (PusherConnection connection : recipients) {
			connection.send(frame);
			sent++;
		}
		return sent;
	}

	/** Whether a connection of this node is subscribed to {@code channel}. */
	public boolean hasSubscribers(String channel) {
		Set<PusherConnection> recipients = this.subscribers.get(channel);
		return recipients != null && !recipients.isEmpty();
	}

	/**
	 * The {@code auth} a client presents to subscribe {@code socketId} to a private
	 * channel. The caller decides whether the user behind the socket may have it.
	 * @throws IllegalArgumentException if either is not well formed or the channel is not
	 * private
	 */
	public String authorize(String socketId, String channel) {
		if (!Channels.isValidSocketId(socketId)) {
			throw new IllegalArgumentException("socket_id must look like 123.456");
		}
		if (!Channels.isValidName(channel) || !Channels.isPrivate(channel)) {
			throw new IllegalArgumentException("channel_name must be a private- channel");
		}
		return this.signature.sign(socketId, channel);
	}

	/**
	 * Closes this node's connection {@code socketId}, if it has one, with 4009 (not
	 * authorised: pusher-js does not reconnect by itself).
	 * @return whether it was here and open
	 */
	public boolean closeUnauthorized(String socketId, String reason) {
		for (PusherConnection connection : this.connections) {
			if (connection.socketId().equals(socketId)) {
				connection.close(PusherConnection.UNAUTHORIZED, reason);
				return true;
			}
		}
		return false;
	}

	public int connectionCount() {
		return this.admitted.get();
	}

	public int channelCount() {
		return this.subscribers.size();
	}

	/** Connections refused for an unknown key, a protocol or capacity. */
	public long refusedConnections() {
		return this.refusedConnections.get();
	}

	/** Connections closed because their client did not read what was sent. */
	public long slowConsumerClosures() {
		return this.slowConsumerClosures.get();
	}

	@Override
	public void close() {
		this.heartbeat.shutdownNow();
		for (PusherConnection connection : this.connections) {
			connection.close(PusherConnection.GOING_AWAY, "Server shutting down");
		}
	}

	boolean verifies(String auth, String socketId, String channel) {
		return this.signature.verifies(auth, socketId, channel);
	}

	void join(String channel, PusherConnection connection) {
		this.subscribers.computeIfAbsent(channel, (name) -> ConcurrentHashMap.newKeySet()).add(connection);
	}

	void leave(String channel, PusherConnection connection) {
		this.subscribers.computeIfPresent(channel, (name, members) -> {
			members.remove(connection);
			return members.isEmpty() ? null : members;
		});
	}

	void closed(PusherConnection connection) {
		if (this.connections.remove(connection)) {
			this.admitted.decrementAndGet();
		}
	}

	void slowConsumer() {
		this.slowConsumerClosures.incrementAndGet();
	}

	/** {@code {"event","channel"?,"data":"<data>"}}: data as a string, like Pusher's. */
	byte[] frame(String event, String channel, String data) {
		ObjectNode frame = this.json.createObjectNode();
		frame.put("event", event);
		if (channel != null) {
			frame.put("channel", channel);
		}
		frame.put("data", data);
		return this.json.writeValueAsBytes(frame);
	}

	/** {@code pusher:error} with {@code {code, message}} as an object, like Pusher's. */
	byte[] error(Integer code, String message, String channel) {
		ObjectNode frame = this.json.createObjectNode();
		frame.put("event", "pusher:error");
		if (channel != null) {
			frame.put("channel", channel);
		}
		ObjectNode data = frame.putObject("data");
		data.put("code", code);
		data.put("message", message);
		return this.json.writeValueAsBytes(frame);
	}

	JsonMapper json() {
		return this.json;
	}

	private String newSocketId() {
		return this.random.nextLong(1, 10_000_000_000L) + "." + this.random.nextLong(1, 10_000_000_000L);
	}

	private void checkActivity() {
		long now = System.nanoTime();
		for (PusherConnection connection : this.connections) {
			try {
				connection.checkActivity(now);
			}
			catch (RuntimeException ex) {
				connection.close(PusherConnection.GOING_AWAY, "Heartbeat failed");
			}
		}
	}

}
