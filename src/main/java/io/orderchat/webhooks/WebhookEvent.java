package io.orderchat.webhooks;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The events an endpoint may subscribe to, by their wire names. */
public enum WebhookEvent {

	MESSAGE_CREATED("message.created"), ORDER_STATUS_CHANGED("order.status_changed"), DISPUTE_OPENED("dispute.opened"),
	DISPUTE_STATUS_CHANGED("dispute.status_changed"), SUPPORT_SESSION_STATUS_CHANGED("support_session.status_changed"),
	/** A participant has had unread messages for a while and no open connection. */
	PARTICIPANT_UNREAD_OFFLINE("participant.unread_offline");

	private final String wire;

	WebhookEvent(String wire) {
		this.wire = wire;
	}

	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<WebhookEvent> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String key = value.strip().toLowerCase(Locale.ROOT);
		for (WebhookEvent event : values()) {
			if (event.wire.equals(key)) {
				return Optional.of(event);
			}
		}
		return Optional.empty();
	}

}
