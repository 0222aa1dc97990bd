package io.orderchat.realtime.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Socket.IO endpoint ({@code orderchat.socketio.*}).
 *
 * @param pingInterval how often each connection is pinged
 * @param pingTimeout how long a ping may stay unanswered
 * @param maxPayload the largest message or polling body accepted, in bytes
 * @param cors which browser origins may connect
 * @param outboundQueueLimit how many packets may wait for one slow client before it is
 * disconnected
 */
@ConfigurationProperties("orderchat.socketio")
public record SocketIoProperties(@DefaultValue("25s") Duration pingInterval, @DefaultValue("20s") Duration pingTimeout,
		@DefaultValue("1000000") long maxPayload, @DefaultValue Cors cors,
		@DefaultValue("1024") int outboundQueueLimit) {

	/**
	 * @param allowedOrigins origins allowed besides the server's own; empty allows any
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
