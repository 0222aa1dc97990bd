package io.orderchat.realtime.pusher;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Pusher Channels endpoint ({@code orderchat.pusher.*}, README "Pusher
 * Channels").
 *
 * @param key the app key clients connect with ({@code /app/<key>}, env
 * {@code PUSHER_KEY})
 * @param secret signs private channel subscriptions (env {@code PUSHER_SECRET}); empty: a
 * random one per start, which is enough for one node but not for several behind one
 * address
 * @param publicChannels whether channels without the {@code private-} prefix may be
 * subscribed to by anyone who knows the key (seed 000's client needs them)
 * @param activityTimeout told to clients, who ping after that much silence; the server
 * pings a client silent for that long
 * @param pongTimeout how long a server ping may go unanswered before the connection is
 * closed
 * @param limits what one connection and all of them may hold
 */
@ConfigurationProperties("orderchat.pusher")
public record PusherProperties(@DefaultValue("orderchat-key") String key, String secret,
		@DefaultValue("true") boolean publicChannels, @DefaultValue("120s") Duration activityTimeout,
		@DefaultValue("30s") Duration pongTimeout, @DefaultValue Limits limits) {

	/**
	 * Limits of the Pusher endpoint ({@code orderchat.pusher.limits.*}).
	 *
	 * @param maxFrameSize the largest message a client may send (a larger one closes its
	 * connection with 1009)
	 * @param channelsPerConnection channels one connection may subscribe to at once
	 * @param connections open Pusher connections of this node
	 * @param outboundPerConnection what may wait for one client that does not read before
	 * it is closed as a slow consumer
	 */
	public record Limits(@DefaultValue("10KB") DataSize maxFrameSize, @DefaultValue("100") int channelsPerConnection,
			@DefaultValue("10000") int connections, @DefaultValue("1MB") DataSize outboundPerConnection) {
	}

}
