package io.orderchat.realtime.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.orderchat.socketio.Ack;
import io.orderchat.socketio.AnyEventHandler;
import io.orderchat.socketio.BroadcastOperator;
import io.orderchat.socketio.EventHandler;
import io.orderchat.socketio.Handshake;
import io.orderchat.socketio.Namespace;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * A connected socket that records what it was sent, from any thread (a pipelined send is
 * answered from its commit's): the events emitted, the rooms joined, and the answers to
 * the acks it hands out.
 */
final class FakeSocket implements SocketIoSocket {

	/** The names of the events emitted to it, in order. */
	final List<String> emitted = Collections.synchronizedList(new ArrayList<>());

	/** The rooms joined and not left (beside the socket's own). */
	final Set<String> joined = Collections.synchronizedSet(new LinkedHashSet<>());

	private final Map<String, Object> attributes = Collections.synchronizedMap(new HashMap<>());

	private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

	private volatile boolean connected = true;

	/**
	 * An ack that records {@code "<tag> ok"} for a successful answer
	 * ({@code success: true}) and {@code "<tag> refused"} for any other.
	 */
	Ack ack(String tag) {
		return new Ack() {

			@Override
			public boolean requested() {
				return true;
			}

			@Override
			public void send(Object... args) {
				boolean ok = args.length > 0 && args[0] instanceof Map<?, ?> reply
						&& Boolean.TRUE.equals(reply.get("success"));
				FakeSocket.this.answers.add(tag + (ok ? " ok" : " refused"));
			}

		};
	}

	List<String> answers() {
		return List.copyOf(this.answers);
	}

	/** The events emitted with one of these names, in order. */
	List<String> emitted(String... names) {
		Set<String> wanted = Set.of(names);
		return List.copyOf(this.emitted).stream().filter(wanted::contains).toList();
	}

	@Override
	public String id() {
		return "s" + System.identityHashCode(this);
	}

	@Override
	public Namespace namespace() {
		throw new UnsupportedOperationException();
	}

	@Override
	public Handshake handshake() {
		throw new UnsupportedOperationException();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T attribute(String key) {
		return (T) this.attributes.get(key);
	}

	@Override
	public void attribute(String key, Object value) {
		this.attributes.put(key, value);
	}

	@Override
	public void on(String event, EventHandler handler) {
	}

	@Override
	public void onAny(AnyEventHandler handler) {
	}

	@Override
	public void onDisconnect(Consumer<String> reasonListener) {
	}

	@Override
	public void join(String room) {
		this.joined.add(room);
	}

	@Override
	public void leave(String room) {
		this.joined.remove(room);
	}

	@Override
	public Set<String> rooms() {
		Set<String> rooms = new LinkedHashSet<>(this.joined);
		rooms.add(id());
		return rooms;
	}

	@Override
	public void emit(String event, Object... args) {
		this.emitted.add(event);
	}

	@Override
	public CompletableFuture<JsonNode[]> emitWithAck(Duration timeout, String event, Object... args) {
		throw new UnsupportedOperationException();
	}

	@Override
	public BroadcastOperator to(String... rooms) {
		throw new UnsupportedOperationException();
	}

	@Override
	public void disconnect(boolean closeTransport) {
		this.connected = false;
	}

	@Override
	public boolean connected() {
		return this.connected;
	}

	@Override
	public boolean congested() {
		return false;
	}

}
