package io.orderchat.pusher;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PusherServer} behaves and what it lets clients hold.
 *
 * @param appKey the key clients connect with ({@code /app/<key>}); any other is refused
 * with 4001
 * @param appSecret signs private channel subscriptions (HMAC-SHA256)
 * @param publicChannels whether channels without a {@code private-} prefix may be
 * subscribed without a signature (seed 000's client needs it)
 * @param maxFrameBytes the largest message a client may send; a larger one closes the
 * connection with 1009
 * @param maxChannelsPerConnection channels one connection may subscribe to at once
 * @param maxConnections open connections of this server; more are refused with 4100
 * @param maxQueuedBytes what may wait for one client that does not read before it is
 * closed with 4100 as a slow consumer
 * @param activityTimeout told to clients, who ping after that much silence; the server
 * pings a client it has not heard from for that long
 * @param pongTimeout how long a server ping may stay unanswered before the connection is
 * closed with 4201
 */
public record PusherOptions(String appKey, String appSecret, boolean publicChannels, int maxFrameBytes,
		int maxChannelsPerConnection, int maxConnections, long maxQueuedBytes, Duration activityTimeout,
		Duration pongTimeout) {

	public PusherOptions {
		Objects.requireNonNull(appKey, "appKey");
		if (appSecret == null || appSecret.isEmpty()) {
			throw new IllegalArgumentException("A Pusher app secret is required to sign private channels");
		}
		if (maxFrameBytes < 256 || maxChannelsPerConnection < 1 || maxConnections < 1 || maxQueuedBytes < 1) {
			throw new IllegalArgumentException("Pusher limits must be positive (frames at least 256 bytes)");
		}
		if (activityTimeout.toMillis() < 1000 || pongTimeout.toMillis() < 100) {
			throw new IllegalArgumentException("activityTimeout must be at least 1 s and pongTimeout 100 ms");
		}
	}

}
