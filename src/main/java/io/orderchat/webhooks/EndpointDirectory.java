package io.orderchat.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The enabled endpoints, kept in memory so that a domain transaction with no subscribed
 * endpoint costs no query. Reloaded at once after a change on this node, and at most
 * {@code orderchat.webhooks.endpoint-refresh} after a change on another node.
 */
@Component
class EndpointDirectory {

	private final Endpoints endpoints;

	private final Clock clock;

	private final WebhookProperties properties;

	private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.MIN);

	EndpointDirectory(Endpoints endpoints, Clock clock, WebhookProperties properties) {
		this.endpoints = endpoints;
		this.clock = clock;
		this.properties = properties;
	}

	/** The enabled endpoints that want {@code event}. */
	List<Endpoint> subscribedTo(WebhookEvent event) {
		return current().stream().filter((endpoint) -> endpoint.wants(event)).toList();
	}

	boolean anySubscribedTo(WebhookEvent event) {
		return current().stream().anyMatch((endpoint) -> endpoint.wants(event));
	}

	/** Forgets the snapshot: the next read loads the endpoints again. */
	void changed() {
		this.snapshot = new Snapshot(List.of(), Instant.MIN);
	}

	private List<Endpoint> current() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current.loadedAt().plus(this.properties.endpointRefresh()).isAfter(now)) {
			return current.endpoints();
		}
		List<Endpoint> enabled = this.endpoints.all().stream().filter(Endpoint::enabled).toList();
		this.snapshot = new Snapshot(enabled, now);
		return enabled;
	}

	private record Snapshot(List<Endpoint> endpoints, Instant loadedAt) {
	}

}
