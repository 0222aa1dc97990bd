package io.orderchat.realtime.protocol.canonical;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import io.orderchat.realtime.gateway.WireEvent.Direction;

/**
 * Writes the canonical catalogue ({@link CanonicalEvents}) as TypeScript for the client
 * SDK (clients/js/src/generated/events.ts): the command and event name unions, and an
 * interface per payload record and per record or enum they contain, as Jackson writes
 * them (a {@code @JsonValue} wins, {@code @JsonProperty} renames, primitives are never
 * null, everything else may be).
 */
final class TypeScriptCatalogue {

	/**
	 * Which record each event carries. The enum does not say it;
	 * {@code ClientSdkTypesTest} fails when an event has no entry here or a payload
	 * record none.
	 */
	static final Map<CanonicalEvents, Class<? extends Record>> EVENT_PAYLOADS = eventPayloads();

	private final Map<String, String> declarations = new LinkedHashMap<>();

	String render() {
		StringBuilder out = new StringBuilder();
		out.append("// GENERATED from src/main/java/io/orderchat/realtime/protocol/canonical/CanonicalEvents.java\n");
		out.append("// by ClientSdkTypesTest (TypeScriptCatalogue). Do not edit: run\n");
		out.append("//   mvn -o test -Dtest=ClientSdkTypesTest -Dorderchat.sdk.regenerate=true\n\n");
		out.append("export type CommandName =\n").append(names(Direction.COMMAND)).append(";\n\n");
		out.append("export type EventName =\n").append(names(Direction.EVENT)).append(";\n\n");
		StringBuilder map = new StringBuilder("/** The payload of every event the server sends, by event name. */\n");
		map.append("export interface EventPayloads {\n");
		for (CanonicalEvents event : CanonicalEvents.values()) {
			if (event.direction() == Direction.EVENT) {
				map.append("  \"")
					.append(event.wireName())
					.append("\": ")
					.append(typeOf(EVENT_PAYLOADS.get(event)))
					.append(";\n");
			}
		}
		map.append("}\n");
		for (String declaration : this.declarations.values()) {
			out.append(declaration).append('\n');
		}
		return out.append(map).toString();
	}

	private static String names(Direction direction) {
		return Arrays.stream(CanonicalEvents.values())
			.filter((event) -> event.direction() == direction)
			.map((event) -> "  | \"" + event.wireName() + "\"")
			.collect(Collectors.joining("\n"));
	}

	private String typeOf(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			Class<?> raw = (Class<?>) parameterized.getRawType();
			Type[] arguments = parameterized.getActualTypeArguments();
			if (Collection.class.isAssignableFrom(raw)) {
				return "Array<" + typeOf(arguments[0]) + ">";
			}
			if (Map.class.isAssignableFrom(raw)) {
				return "Record<string, unknown>";
			}
			return typeOf(raw);
		}
		Class<?> type1 = (Class<?>) type;
		if (type1 == String.class || type1 == UUID.class || type1 == Instant.class
				|| hasJsonValue(type1) && !type1.isEnum()) {
			return "string";
		}
		if (type1 == boolean.class || type1 == Boolean.class) {
			return "boolean";
		}
		if (Number.class.isAssignableFrom(type1) || type1 == BigDecimal.class
				|| (type1.isPrimitive() && type1 != void.class)) {
			return "number";
		}
		if (type1 == Object.class) {
			return "unknown";
		}
		if (type1.isEnum()) {
			this.declarations.computeIfAbsent(type1.getSimpleName(), (name) -> enumDeclaration(type1));
			return type1.getSimpleName();
		}
		if (type1.isRecord()) {
			if (!this.declarations.containsKey(type1.getSimpleName())) {
				this.declarations.put(type1.getSimpleName(), "");
				this.declarations.put(type1.getSimpleName(), recordDeclaration(type1));
			}
			return type1.getSimpleName();
		}
		throw new IllegalStateException("No TypeScript type for " + type1 + ": teach TypeScriptCatalogue");
	}

	private String enumDeclaration(Class<?> type) {
		Method wire = jsonValue(type);
		List<String> values = new ArrayList<>();
		for (Object constant : type.getEnumConstants()) {
			try {
				values.add("\"" + ((wire != null) ? wire.invoke(constant) : ((Enum<?>) constant).name()) + "\"");
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return "export type " + type.getSimpleName() + " = " + String.join(" | ", values) + ";\n";
	}

	private String recordDeclaration(Class<?> type) {
		StringBuilder out = new StringBuilder("export interface " + type.getSimpleName() + " {\n");
		boolean skipsNulls = skipsNulls(type.getAnnotation(JsonInclude.class));
		for (RecordComponent component : type.getRecordComponents()) {
			Field field = field(type, component.getName());
			JsonProperty renamed = field.getAnnotation(JsonProperty.class);
			String name = (renamed != null && !renamed.value().isEmpty()) ? renamed.value() : component.getName();
			boolean primitive = component.getType().isPrimitive();
			boolean optional = !primitive && (skipsNulls || skipsNulls(field.getAnnotation(JsonInclude.class)));
			out.append("  ")
				.append(name)
				.append(optional ? "?: " : ": ")
				.append(typeOf(component.getGenericType()))
				.append(primitive ? "" : " | null")
				.append(";\n");
		}
		return out.append("}\n").toString();
	}

	private static boolean skipsNulls(JsonInclude include) {
		return include != null && include.value() != JsonInclude.Include.ALWAYS;
	}

	private static Field field(Class<?> type, String name) {
		try {
			return type.getDeclaredField(name);
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean hasJsonValue(Class<?> type) {
		return jsonValue(type) != null;
	}

	private static Method jsonValue(Class<?> type) {
		return Arrays.stream(type.getMethods())
			.filter((method) -> method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0)
			.findFirst()
			.orElse(null);
	}

	private static Map<CanonicalEvents, Class<? extends Record>> eventPayloads() {
		Map<CanonicalEvents, Class<? extends Record>> payloads = new LinkedHashMap<>();
		payloads.put(CanonicalEvents.MESSAGE, CanonicalEvents.MessagePayload.class);
		payloads.put(CanonicalEvents.MESSAGE_DELETED, CanonicalEvents.MessageDeletedPayload.class);
		payloads.put(CanonicalEvents.MESSAGE_REACTIONS, CanonicalEvents.ReactionsPayload.class);
		payloads.put(CanonicalEvents.TYPING, CanonicalEvents.TypingPayload.class);
		payloads.put(CanonicalEvents.READ, CanonicalEvents.ReadPayload.class);
		payloads.put(CanonicalEvents.UNREAD_UPDATED, CanonicalEvents.UnreadUpdatedPayload.class);
		payloads.put(CanonicalEvents.MEMBER_JOINED, CanonicalEvents.MemberPayload.class);
		payloads.put(CanonicalEvents.MEMBER_LEFT, CanonicalEvents.MemberPayload.class);
		payloads.put(CanonicalEvents.PARTICIPANT_ADDED, CanonicalEvents.MemberPayload.class);
		payloads.put(CanonicalEvents.PARTICIPANT_REMOVED, CanonicalEvents.MemberPayload.class);
		payloads.put(CanonicalEvents.PRESENCE, CanonicalEvents.PresencePayload.class);
		payloads.put(CanonicalEvents.ORDER_STATUS, CanonicalEvents.OrderStatusPayload.class);
		payloads.put(CanonicalEvents.NOTIFICATION, CanonicalEvents.NotificationPayload.class);
		payloads.put(CanonicalEvents.SESSION_EXPIRED, CanonicalEvents.ErrorPayload.class);
		payloads.put(CanonicalEvents.ERROR, CanonicalEvents.ErrorPayload.class);
		payloads.put(CanonicalEvents.ORDER_NEW, CanonicalEvents.OrderQueuedPayload.class);
		payloads.put(CanonicalEvents.ORDER_ACCEPTED, CanonicalEvents.OrderAcceptedPayload.class);
		payloads.put(CanonicalEvents.TRANSFER_INITIATED, CanonicalEvents.TransferPayload.class);
		payloads.put(CanonicalEvents.TRANSFER_ACCEPTED, CanonicalEvents.TransferPayload.class);
		payloads.put(CanonicalEvents.TRANSFER_DECLINED, CanonicalEvents.TransferPayload.class);
		payloads.put(CanonicalEvents.CONVERSATION_CLEANED, CanonicalEvents.CleanedPayload.class);
		payloads.put(CanonicalEvents.NOTE_ADDED, CanonicalEvents.NotePayload.class);
		payloads.put(CanonicalEvents.SUPPORT_QUEUED, CanonicalEvents.SessionQueuedPayload.class);
		payloads.put(CanonicalEvents.SUPPORT_ACCEPTED, CanonicalEvents.SessionAcceptedPayload.class);
		payloads.put(CanonicalEvents.SUPPORT_STATUS_CHANGED, CanonicalEvents.SessionStatusPayload.class);
		payloads.put(CanonicalEvents.DISPUTE_STATUS_CHANGED, CanonicalEvents.DisputePayload.class);
		return payloads;
	}

}
