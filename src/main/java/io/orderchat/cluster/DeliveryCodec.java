package io.orderchat.cluster;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.events.RealtimeEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/**
 * A delivery as one JSON text on the bus, with the node instance that published it. The
 * event and audience types are the sealed hierarchies of
 * {@code io.orderchat.realtime.events}, named by their nested names
 * ({@code ChatEvent$MessageAdded}); only those can be read back, so a message on the
 * channel cannot make a node build any other class.
 */
final class DeliveryCodec {

	private final JsonMapper json;

	DeliveryCodec() {
		JsonMapper.Builder builder = JsonMapper.builder()
			.addMixIn(RealtimeEvent.class, Typed.class)
			.addMixIn(Audience.Target.class, Typed.class)
			// derived getters (a dispute's isOpen()) are written and ignored when read
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		for (Class<?> type : concreteTypes(RealtimeEvent.class)) {
			builder.registerSubtypes(new NamedType(type, name(type)));
		}
		for (Class<?> type : concreteTypes(Audience.Target.class)) {
			builder.registerSubtypes(new NamedType(type, name(type)));
		}
		this.json = builder.build();
	}

	String write(String origin, Delivery delivery) {
		return this.json.writeValueAsString(new Envelope(origin, delivery));
	}

	/**
	 * The start of every text {@link #write} writes for {@code origin} (the envelope's
	 * first property): a node recognises its own publications, which Redis hands back to
	 * it, without reading the delivery.
	 */
	String prefixOf(String origin) {
		return "{\"origin\":" + this.json.writeValueAsString(origin) + ",";
	}

	Envelope read(String text) {
		return this.json.readValue(text, Envelope.class);
	}

	/** The records a sealed hierarchy permits, however deep. */
	static List<Class<?>> concreteTypes(Class<?> root) {
		List<Class<?>> types = new ArrayList<>();
		if (root.isSealed()) {
			for (Class<?> permitted : root.getPermittedSubclasses()) {
				types.addAll(concreteTypes(permitted));
			}
		}
		else if (!root.isInterface()) {
			types.add(root);
		}
		return types;
	}

	private static String name(Class<?> type) {
		return type.getName().substring(type.getPackageName().length() + 1);
	}

	/** A delivery and who published it. */
	record Envelope(String origin, Delivery delivery) {
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
	private interface Typed {

	}

}
