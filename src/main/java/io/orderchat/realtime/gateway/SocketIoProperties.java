package io.orderchat.realtime.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Socket.IO endpoint ({@code orderchat.socketio.*}).
 *
 * @param pingInterval how often each connection is pinged
 * @param pingTimeout how long a ping may stay unanswered
 * @param maxPayload the largest message or polling body accepted, in bytes: room for a 5
 * MB socket image (seed 000's {@code chat:image}), which long-polling carries base64 (4/3
 * larger)
 * @param outboundQueueLimit how many packets may wait for one slow client before it is
 * disconnected
 * @param limits what one client, one address and all clients may hold
 */
@ConfigurationProperties("orderchat.socketio")
public record SocketIoProperties(@DefaultValue("25s") Duration pingInterval, @DefaultValue("20s") Duration pingTimeout,
		@DefaultValue("8000000") long maxPayload, @DefaultValue("1024") int outboundQueueLimit,
		@DefaultValue Limits limits) {

	/**
	 * Limits that keep one client, or one address, from filling the server's memory
	 * ({@code orderchat.socketio.limits.*}, see README "Limits").
	 *
	 * @param outboundPerConnection what may wait for one client that does not read before
	 * it is disconnected as a slow consumer
	 * @param congestedAbove what may wait for one client before commands with large
	 * answers (history, resume, joins, queues) are answered {@code SLOW_DOWN}
	 * @param outboundTotal what may wait for all clients together; above it large answers
	 * are refused everywhere and clients holding more than {@code congestedAbove} are
	 * disconnected
	 * @param handshakeBurst new connections one address may open at once
	 * @param handshakesPerSecond new connections one address may open per second after
	 * its burst
	 * @param connectionsPerAddress open connections one address may hold
	 * @param pendingConnections connections from all addresses that have not signed in
	 * (joined a namespace) yet
	 * @param connectTimeout how long a connection may stay without signing in
	 */
	public record Limits(@DefaultValue("4MB") DataSize outboundPerConnection,
			@DefaultValue("1MB") DataSize congestedAbove, @DefaultValue("64MB") DataSize outboundTotal,
			@DefaultValue("300") int handshakeBurst, @DefaultValue("30") double handshakesPerSecond,
			@DefaultValue("1000") int connectionsPerAddress, @DefaultValue("10000") int pendingConnections,
			@DefaultValue("45s") Duration connectTimeout) {
	}

}
