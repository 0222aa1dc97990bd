package io.orderchat.webhooks;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A host app's URL and the events it wants. The secret signs its deliveries; it is shown
 * once, when the endpoint is registered, and never listed.
 */
public record Endpoint(UUID id, String url, @JsonIgnore String secret, Set<WebhookEvent> events, boolean enabled,
		Instant createdAt, Instant updatedAt) {

	boolean wants(WebhookEvent event) {
		return this.enabled && this.events.contains(event);
	}

}
