package io.orderchat.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an event's deliveries, one per subscribed endpoint, in the caller's transaction:
 * they commit with the event or not at all. After the commit this node's worker is woken,
 * so a delivery normally leaves at once; the worker's poll finds it anyway (after a
 * crash, on any node).
 */
@Component
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final EndpointDirectory directory;

	private final Deliveries deliveries;

	private final DeliveryWorker worker;

	private final WebhookProperties properties;

	private final Clock clock;

	Outbox(EndpointDirectory directory, Deliveries deliveries, DeliveryWorker worker, WebhookProperties properties,
			Clock clock) {
		this.directory = directory;
		this.deliveries = deliveries;
		this.worker = worker;
		this.properties = properties;
		this.clock = clock;
	}

	boolean wanted(WebhookEvent event) {
		return this.directory.anySubscribedTo(event);
	}

	/**
	 * Writes {@code event} with {@code data} for every endpoint that wants it. The body
	 * is {@code {"id", "type", "createdAt", "data"}}; {@code id} names the event (the
	 * same for every endpoint), the delivery id is in a header.
	 */
	void write(WebhookEvent event, Map<String, Object> data) {
		List<Endpoint> endpoints = this.directory.subscribedTo(event);
		if (endpoints.isEmpty()) {
			return;
		}
		Instant now = Timestamps.now(this.clock);
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", UUID.randomUUID().toString());
		envelope.put("type", event.wire());
		envelope.put("createdAt", now.toString());
		envelope.put("data", data);
		String body = json.writeValueAsString(envelope);
		boolean tooLarge = body.getBytes(StandardCharsets.UTF_8).length > this.properties.maxBodySize().toBytes();
		for (Endpoint endpoint : endpoints) {
			if (tooLarge) {
				log.warn("A {} event is over orderchat.webhooks.max-body-size; stored as failed, not sent",
						event.wire());
				this.deliveries.insertFailed(UUID.randomUUID(), endpoint.id(), event, body, "body over max-body-size",
						now);
			}
			else {
				this.deliveries.insert(UUID.randomUUID(), endpoint.id(), event, body, now);
			}
		}
		wakeWorkerAfterCommit();
	}

	private void wakeWorkerAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.worker.wake();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.worker.wake();
			}
		});
	}

}
