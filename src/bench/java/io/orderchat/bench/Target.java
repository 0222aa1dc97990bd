package io.orderchat.bench;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A server under test: OrderChat or the socket.io reference peer, started by the generator
 * (then stopped by it too) or already running. It also knows how each one spells the few
 * operations the scenarios need, since the two speak different events over the same wire.
 */
final class Target implements AutoCloseable {

	enum Kind {

		ORDERCHAT, PEER

	}

	private static final byte[] OK = "\"ok\":true".getBytes(StandardCharsets.US_ASCII);

	private final Kind kind;

	private final String host;

	private final int port;

	private final long pid;

	private final Process process;

	Target(Kind kind, String host, int port, long pid, Process process) {
		this.kind = kind;
		this.host = host;
		this.port = port;
		this.pid = pid;
		this.process = process;
	}

	Kind kind() {
		return this.kind;
	}

	String name() {
		return (this.kind == Kind.ORDERCHAT) ? "orderchat" : "socket.io";
	}

	boolean jvm() {
		return this.kind == Kind.ORDERCHAT;
	}

	long pid() {
		return this.pid;
	}

	InetSocketAddress address() {
		return new InetSocketAddress(this.host, this.port);
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
