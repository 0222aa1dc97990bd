package io.orderchat.cluster;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.events.RealtimeEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event the pipeline knows, and every kind of audience, crosses the bus unchanged:
 * the test builds each record of the sealed hierarchies with sample values, so a new
 * event type is covered the day it is added.
 */
class DeliveryCodecTest {

	private final DeliveryCodec codec = new DeliveryCodec();

	@Test
	void everyEventAndAudienceReadsBackEqual() throws Exception {
		List<Class<?>> events = DeliveryCodec.concreteTypes(RealtimeEvent.class);
		List<Class<?>> targets = DeliveryCodec.concreteTypes(Audience.Target.class);
		assertThat(events).hasSizeGreaterThan(15);
		assertThat(targets).hasSize(5);
		List<Audience.Target> to = targets.stream().map((type) -> (Audience.Target) sample(type)).toList();
		Audience audience = new Audience(to, List.of(new Audience.User("left-out")));
		for (Class<?> type : events) {
			Delivery delivery = new Delivery(audience, (RealtimeEvent) sample(type));

			DeliveryCodec.Envelope read = this.codec.read(this.codec.write("node-a/1", delivery));

			assertThat(read.origin()).isEqualTo("node-a/1");
			assertThat(read.delivery()).as(type.getName()).isEqualTo(delivery);
		}
	}

	@Test
	void aNodeKnowsItsOwnPublicationsByTheirStartAlone() {
		Delivery delivery = new Delivery(new Audience(List.of(new Audience.User("u1")), List.of()),
				(RealtimeEvent) sample(DeliveryCodec.concreteTypes(RealtimeEvent.class).get(0)));

		String text = this.codec.write("node-\"1", delivery);

		assertThat(text).startsWith(this.codec.prefixOf("node-\"1"));
		assertThat(text).doesNotStartWith(this.codec.prefixOf("node-"))
			.doesNotStartWith(this.codec.prefixOf("node-\"10"));
	}

	private static Object sample(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			Class<?> raw = (Class<?>) parameterized.getRawType();
			if (List.class.isAssignableFrom(raw)) {
				return List.of(sample(parameterized.getActualTypeArguments()[0]));
			}
			if (Map.class.isAssignableFrom(raw)) {
				return Map.of("visibility", "staff", "count", 2);
			}
			return sample(raw);
		}
		Class<?> raw = (Class<?>) type;
		if (raw == String.class) {
			return "text-" + UUID.randomUUID().toString().substring(0, 4);
		}
		if (raw == long.class || raw == Long.class) {
			return 42L;
		}
		if (raw == int.class || raw == Integer.class) {
			return 7;
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return true;
		}
		if (raw == Instant.class) {
			return Instant.now().truncatedTo(ChronoUnit.MICROS);
		}
		if (raw == UUID.class) {
			return UUID.randomUUID();
		}
		if (raw == BigDecimal.class) {
			return new BigDecimal("12.50");
		}
		if (raw.isEnum()) {
			Object[] constants = raw.getEnumConstants();
			return constants[constants.length - 1];
		}
		if (raw.isRecord()) {
			RecordComponent[] components = raw.getRecordComponents();
			Class<?>[] types = new Class<?>[components.length];
			Object[] values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				values[i] = sample(components[i].getGenericType());
			}
			try {
				Constructor<?> constructor = raw.getDeclaredConstructor(types);
				constructor.setAccessible(true);
				return constructor.newInstance(values);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(raw.getName(), ex);
			}
		}
		if (raw.isSealed()) {
			return sample(raw.getPermittedSubclasses()[0]);
		}
		throw new IllegalArgumentException("no sample for " + raw);
	}

}
