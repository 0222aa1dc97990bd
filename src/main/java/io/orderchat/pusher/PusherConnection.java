package io.orderchat.pusher;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One client's connection: the protocol's frames in, its subscriptions, what waits for it
 * and its heartbeat. A bad frame is answered with {@code pusher:error} and never closes
 * the connection; only an unknown key, capacity, a slow or silent client and shutdown do.
 */
public final class PusherConnection {

	/** Close and error codes of the Pusher protocol (4000–4099: do not reconnect). */
	static final int APP_KEY_UNKNOWN = 4001;

	static final int UNSUPPORTED_PROTOCOL = 4007;

	/** Not authorised: a private channel without a valid signature, or a refused kind. */
	static final int UNAUTHORIZED = 4009;

	/** 4100–4199: reconnect after a back-off. */
	static final int OVER_CAPACITY = 4100;

	/** 4200–4299: reconnect at once. */
	static final int GOING_AWAY = 4200;

	static final int PONG_NOT_RECEIVED = 4201;

	/** 4300–4399: other errors; here, a subscription over the per-connection limit. */
	static final int TOO_MANY_CHANNELS = 4300;

	private final PusherServer server;

	private final PusherTransport transport;

	private final String socketId;

	private final Set<String> channels = ConcurrentHashMap.newKeySet();

	private final AtomicLong queuedBytes = new AtomicLong();

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile long lastHeard = System.nanoTime();

	/** When the server pinged the silent client, 0 while none is outstanding. */
	private volatile long pingedAt;

	PusherConnection(PusherServer server, PusherTransport transport, String socketId) {
		this.server = server;
		this.transport = transport;
		this.socketId = socketId;
	}

	public String socketId() {
		return this.socketId;
	}

	/**
	 * One text message from the client. Frames of a refused or closed one are ignored.
	 */
	public void receive(String text) {
		if (this.closed.get()) {
			return;
		}
		this.lastHeard = System.nanoTime();
		this.pingedAt = 0;
		JsonNode frame;
		try {
			frame = this.server.json().readTree(text);
		}
		catch (JacksonException ex) {
			error(null, "Malformed frame: not JSON", null);
			return;
		}
		if (frame == null || !frame.isObject() || !frame.path("event").isString()) {
			error(null, "Malformed frame: a JSON object with a string 'event' is required", null);
			return;
		}
		switch (frame.get("event").asString()) {
			case "pusher:ping" -> send(this.server.frame("pusher:pong", null, "{}"));
			case "pusher:pong" -> {
				// Heard: the heartbeat is reset above.
			}
			case "pusher:subscribe" -> subscribe(data(frame));
			case "pusher:unsubscribe" -> unsubscribe(data(frame));
			default -> {
				// Client events (client-*) and events of later protocols are ignored.
			}
		}
	}

	/** A message the server could not read as text: answered, like a malformed frame. */
	public void receiveUnreadable(String why) {
		if (!this.closed.get()) {
			this.lastHeard = System.nanoTime();
			error(null, "Malformed frame: " + why, null);
		}
	}

	/** The WebSocket closed, for whatever reason. */
	public void closed() {
		this.closed.set(true);
		for (String channel : this.channels) {
			this.server.leave(channel, this);
		}
		this.channels.clear();
		this.server.closed(this);
	}

	void establish() {
		String data = "{\"socket_id\":\"" + this.socketId + "\",\"activity_timeout\":"
				+ this.server.options().activityTimeout().toSeconds() + "}";
		send(this.server.frame("pusher:connection_established", null, data));
	}

	void refuse(int code, String message) {
		this.closed.set(true);
		this.transport.send(this.server.error(code, message, null), () -> {
		});
		this.transport.close(code, message);
	}

	void close(int code, String reason) {
		if (!this.closed.get()) {
			closed();
			this.transport.close(code, reason);
		}
	}

	/**
	 * Queues a frame; a client that lets more than the limit wait is closed as a slow
	 * consumer rather than holding the server's memory.
	 */
	void send(byte[] frame) {
		if (this.closed.get()) {
			return;
		}
		if (this.queuedBytes.addAndGet(frame.length) > this.server.options().maxQueuedBytes()) {
			this.server.slowConsumer();
			close(OVER_CAPACITY, "Slow consumer: too much waiting to be read");
			return;
		}
		this.transport.send(frame, () -> this.queuedBytes.addAndGet(-frame.length));
	}

	/**
	 * Pings a client silent for the activity timeout; closes one that does not answer.
	 */
	void checkActivity(long now) {
		long pinged = this.pingedAt;
		if (pinged != 0) {
			if (now - pinged > this.server.options().pongTimeout().toNanos()) {
				close(PONG_NOT_RECEIVED, "Pong reply not received");
			}
		}
		else if (now - this.lastHeard > this.server.options().activityTimeout().toNanos()) {
			this.pingedAt = now;
			send(this.server.frame("pusher:ping", null, "{}"));
		}
	}

	private void subscribe(JsonNode data) {
		String channel = text(data, "channel");
		if (!Channels.isValidName(channel)) {
			error(null, "pusher:subscribe needs data.channel, a valid channel name", null);
			return;
		}
		if (this.channels.contains(channel)) {
			send(this.server.frame("pusher_internal:subscription_succeeded", channel, "{}"));
			return;
		}
		if (Channels.isPresence(channel)) {
			error(UNAUTHORIZED, "Presence channels are not offered", channel);
			return;
		}
		if (Channels.isPrivate(channel)) {
			if (!this.server.verifies(text(data, "auth"), this.socketId, channel)) {
				error(UNAUTHORIZED,
						"Invalid signature: sign '" + this.socketId + ":" + channel + "' at POST /pusher/auth",
						channel);
				return;
			}
		}
		else if (!this.server.options().publicChannels()) {
			error(UNAUTHORIZED, "Public channels are turned off on this server; use private- channels", channel);
			return;
		}
		if (this.channels.size() >= this.server.options().maxChannelsPerConnection()) {
			error(TOO_MANY_CHANNELS,
					"At most " + this.server.options().maxChannelsPerConnection() + " channels per connection",
					channel);
			return;
		}
		this.channels.add(channel);
		this.server.join(channel, this);
		if (this.closed.get()) {
			// Closed meanwhile (heartbeat, slow consumer): leave nothing behind.
			this.server.leave(channel, this);
			return;
		}
		send(this.server.frame("pusher_internal:subscription_succeeded", channel, "{}"));
	}

	private void unsubscribe(JsonNode data) {
		String channel = text(data, "channel");
		if (channel == null) {
			error(null, "pusher:unsubscribe needs data.channel", null);
			return;
		}
		if (this.channels.remove(channel)) {
			this.server.leave(channel, this);
		}
	}

	/** The frame's data: an object, or (as some clients send it) JSON text of one. */
	private JsonNode data(JsonNode frame) {
		JsonNode data = frame.path("data");
		if (data.isString()) {
			try {
				return this.server.json().readTree(data.asString());
			}
			catch (JacksonException ex) {
				return null;
			}
		}
		return data.isObject() ? data : null;
	}

	private static String text(JsonNode data, String field) {
		if (data == null) {
			return null;
		}
		JsonNode value = data.path(field);
		return value.isString() ? value.asString() : null;
	}

	private void error(Integer code, String message, String channel) {
		send(this.server.error(code, message, channel));
	}

}
