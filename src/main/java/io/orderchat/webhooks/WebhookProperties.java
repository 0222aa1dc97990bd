package io.orderchat.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How webhooks are sent. See README "Webhooks".
 *
 * @param enabled whether this node sends deliveries (every node writes them)
 * @param workers deliveries this node sends at once (a fixed pool)
 * @param pollInterval how often the worker looks for due deliveries (it is also woken
 * when a transaction of this node wrote some)
 * @param connectTimeout time to connect to an endpoint
 * @param readTimeout time for an endpoint to answer once the request is sent
 * @param maxAttempts attempts before a delivery is given up ({@code failed})
 * @param initialBackoff wait after the first failed attempt; doubled after each further
 * one
 * @param maxBackoff the longest wait between two attempts
 * @param maxEndpoints most endpoints that may be registered
 * @param maxBodySize largest request body sent; a larger event is stored as failed, never
 * sent
 * @param endpointRefresh how often a node rereads the endpoints other nodes changed
 * @param unreadAfter how long a message stays unread by an offline participant before
 * {@code participant.unread_offline}
 * @param unreadScanInterval how often unread messages of offline participants are looked
 * for
 */
@ConfigurationProperties("orderchat.webhooks")
record WebhookProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int workers,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("8") int maxAttempts,
		@DefaultValue("10s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("20") int maxEndpoints, @DefaultValue("256KB") DataSize maxBodySize,
		@DefaultValue("10s") Duration endpointRefresh, @DefaultValue("10m") Duration unreadAfter,
		@DefaultValue("30s") Duration unreadScanInterval) {

	/**
	 * How long a claimed delivery is another node's: longer than one attempt can take, so
	 * a lease runs out only when its node stopped (crashed) before recording the outcome.
	 */
	Duration lease() {
		return this.connectTimeout.plus(this.readTimeout).plusSeconds(30);
	}

	/** The wait before the attempt after {@code attempts} failed ones. */
	Duration backoff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration wait = this.initialBackoff.multipliedBy(1L << doublings);
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
