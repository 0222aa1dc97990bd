package io.orderchat.socketio.engine;

/**
 * What one client, and all clients together, may hold of an Engine.IO server's memory.
 *
 * <p>
 * Outbound bytes are counted as the encoded length of the packets waiting for a client (a
 * long poll's outbox, or WebSocket frames the web server has not finished writing): added
 * when a packet is queued, released when it is written.
 *
 * @param sessionOutboundBytes bytes that may wait for one session: a session that already
 * holds more when another packet comes is closed as a slow consumer (one answer larger
 * than this still goes to a session whose queue was under it)
 * @param congestedOutboundBytes bytes waiting for one session above which it counts as
 * congested ({@link EngineSocket#congested()}): the application should not produce large
 * answers for it
 * @param totalOutboundBytes bytes that may wait for all sessions together: above it every
 * session counts as congested, and a session holding more than
 * {@code congestedOutboundBytes} is closed as a slow consumer when another packet comes
 * @param handshakeBurst handshakes one address may make at once
 * @param handshakesPerSecond handshakes one address may make per second after its burst
 * @param sessionsPerAddress open sessions one address may hold
 * @param pendingSessions sessions, from all addresses, that may be open without being
 * established yet (for Socket.IO: not yet connected to a namespace)
 */
public record EngineLimits(long sessionOutboundBytes, long congestedOutboundBytes, long totalOutboundBytes,
		int handshakeBurst, double handshakesPerSecond, int sessionsPerAddress, int pendingSessions) {

	public EngineLimits {
		if (sessionOutboundBytes < 1 || congestedOutboundBytes < 1 || totalOutboundBytes < 1 || handshakeBurst < 1
				|| handshakesPerSecond <= 0 || sessionsPerAddress < 1 || pendingSessions < 1) {
			throw new IllegalArgumentException("every engine limit must be positive");
		}
	}

	/**
	 * Generous for people (an office behind one NAT reconnecting at once after a
	 * restart), tight for a script: 4 MB per session (congested from 1 MB), 64 MB for
	 * all; 300 handshakes at once then 30 per second per address, 1,000 sessions per
	 * address, 10,000 not yet connected.
	 */
	public static EngineLimits defaults() {
		return new EngineLimits(4_000_000, 1_000_000, 64_000_000, 300, 30, 1000, 10_000);
	}

	/** No practical limit, for test harnesses. */
	public static EngineLimits unlimited() {
		return new EngineLimits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Integer.MAX_VALUE,
				Double.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
	}

}
