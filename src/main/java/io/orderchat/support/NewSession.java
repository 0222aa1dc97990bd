package io.orderchat.support;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A customer's request for a support session (seed 003's create body). */
public record NewSession(String subject, String category, String priority,
		@JsonProperty("restaurant_id") String restaurantId, @JsonProperty("initial_message") String initialMessage) {
}
