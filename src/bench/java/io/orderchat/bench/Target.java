package io.orderchat.bench;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.orderchat.testing.RedisServer;

/**
 * A server under test: OrderChat or the socket.io reference peer, started by the generator
 * (then stopped by it too) or already running; or several nodes of one of them sharing a Redis
 * of the run's own, clients spread over the nodes by their index. It also knows how each one
 * spells the few operations the scenarios need, since the two speak different events over the
 * same wire.
 */
final class Target implements AutoCloseable {

	enum Kind {

		ORDERCHAT, PEER

	}

	private static final byte[] OK = "\"ok\":true".getBytes(StandardCharsets.US_ASCII);

	private final Kind kind;

	private final String name;

	private final List<Target> nodes;

	private final String host;

	private final int port;

	// Resolved once: a connect storm asks for it per connection.
	private final InetSocketAddress address;

	private final long pid;

	private final Process process;

	private final RedisServer bus;

	Target(Kind kind, String host, int port, long pid, Process process) {
		this.kind = kind;
		this.name = (kind == Kind.ORDERCHAT) ? "orderchat" : "socket.io";
		this.nodes = List.of(this);
		this.host = host;
		this.port = port;
		this.address = new InetSocketAddress(host, port);
		this.pid = pid;
		this.process = process;
		this.bus = null;
	}

	private Target(String name, List<Target> nodes, RedisServer bus) {
		Target first = nodes.get(0);
		this.kind = first.kind;
		this.name = name;
		this.nodes = List.copyOf(nodes);
		this.host = first.host;
		this.port = first.port;
		this.address = first.address;
		this.pid = first.pid;
		this.process = null;
		this.bus = bus;
	}

	/** Nodes of one server sharing {@code bus}; closing the cluster stops them and it. */
	static Target cluster(String name, List<Target> nodes, RedisServer bus) {
		return new Target(name, nodes, bus);
	}

	Kind kind() {
		return this.kind;
	}

	String name() {
		return this.name;
	}

	int nodes() {
		return this.nodes.size();
	}

	boolean jvm() {
		return this.kind == Kind.ORDERCHAT;
	}

	long pid() {
		return this.pid;
	}

	InetSocketAddress address() {
		return this.address;
	}

	/** Where client {@code index} connects: the nodes in turn. */
	InetSocketAddress address(int index) {
		return this.nodes.get(index % this.nodes.size()).address();
	}

	/** The port of every node. */
	List<Integer> ports() {
		return this.nodes.stream().map((node) -> node.port).toList();
	}

	/** CPU time of every node, in nanoseconds. */
	long cpuNanos() {
		return this.nodes.stream().mapToLong((node) -> ProcessProbe.cpuNanos(node.pid)).sum();
	}

	/** CPU time of the Redis between the nodes, in nanoseconds; 0 for a single server. */
	long busCpuNanos() {
		return (this.bus != null) ? ProcessProbe.cpuNanos(this.bus.pid()) : 0;
	}

	String baseUrl() {
		return "http://" + this.host + ":" + this.port;
	}

	/** Joins a room: OrderChat's conversation (by id), the peer's named room. */
	String joinJson(String room) {
		return (this.kind == Kind.ORDERCHAT) ? "[\"conversation:join\",{\"conversationId\":\"" + room + "\"}]"
				: "[\"join\",\"" + room + "\"]";
	}

	/**
	 * Sends a text to everybody in a room: OrderChat's {@code message:send} (stored, then
	 * delivered as {@code message}), the peer's {@code to-room} (delivered as {@code room-msg}).
	 */
	String sendJson(String room, String content) {
		return (this.kind == Kind.ORDERCHAT)
				? "[\"message:send\",{\"conversationId\":\"" + room + "\",\"content\":\"" + content + "\"}]"
				: "[\"to-room\",\"" + room + "\",\"" + content + "\"]";
	}

	/** Whether an ack means success (the peer acknowledges joins without a status). */
	boolean ackOk(byte[] data, int offset, int length) {
		return (this.kind == Kind.PEER) || SioClient.indexOf(data, offset, offset + length, OK) >= 0;
	}

	@Override
	public void close() {
		if (this.nodes.size() > 1 || this.bus != null) {
			this.nodes.forEach(Target::close);
			if (this.bus != null) {
				this.bus.close();
			}
			return;
		}
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(java.time.Duration.ofSeconds(20))) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
