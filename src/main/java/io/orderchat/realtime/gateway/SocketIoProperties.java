package io.orderchat.realtime.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 */
@ConfigurationProperties("orderchat.socketio")
public record SocketIoProperties(@DefaultValue("25s") Duration pingInterval, @DefaultValue("20s") Duration pingTimeout,
		@DefaultValue("8000000") long maxPayload, @DefaultValue("1024") int outboundQueueLimit) {

}
