package io.orderchat.conversations;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Messages stored, by type ({@code text}, {@code image}, {@code file}, {@code system},
 * and staff {@code note}s), counted once committed: {@code rate()} of it is messages per
 * second.
 */
@Component
class MessageMetrics {

	private final MeterRegistry registry;

	MessageMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MessagePosted event) {
		count(event.message().type().wire());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(InternalNoteAdded event) {
		count("note");
	}

	private void count(String type) {
		this.registry.counter("orderchat.messages.stored", "type", type).increment();
	}

}
