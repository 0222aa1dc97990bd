package io.orderchat.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Every domain event that reached its after-commit listeners, for tests to look at. */
@TestComponent
public class RecordedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void afterCommit(Object published) {
		Object event = (published instanceof PayloadApplicationEvent<?> payload) ? payload.getPayload() : published;
		if (event.getClass().getPackageName().startsWith("io.orderchat")) {
			this.events.add(event);
		}
	}

	public <T> List<T> of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
