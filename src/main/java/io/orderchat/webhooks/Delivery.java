package io.orderchat.webhooks;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One event's delivery to one endpoint, as the delivery log shows it. {@code id} is the
 * idempotency id a receiver sees in {@code X-OrderChat-Delivery}, the same on every
 * attempt.
 */
public record Delivery(UUID id, UUID endpointId, WebhookEvent event, Status status, int attempts, Instant nextAttemptAt,
		Integer lastStatusCode, String lastError, Instant lastAttemptAt, Instant createdAt, Instant deliveredAt) {

	/** {@code pending} (waiting or being sent), {@code delivered}, {@code failed}. */
	public enum Status {

		PENDING, DELIVERED, FAILED;

		@JsonValue
		public String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
