package io.orderchat.realtime.protocol;

import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.Replies;
import io.orderchat.realtime.gateway.Dialect;

import io.orderchat.realtime.events.Subject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.orderchat.conversations.ConversationKind;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.Ack;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * What the seed apps' dialects share: their clients listen for an {@code error} event
 * with a {@code message}, so a failure is always sent as one (and acknowledged too when
 * the client asked for an acknowledgement); a success is acknowledged with
 * {@code {success:true, ok:true, data}}.
 */
public abstract class SeedDialect implements Dialect {

	@Override
	public void succeeded(Ack ack, Object data) {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("success", true);
		reply.put("ok", true);
		reply.put("data", (data != null) ? data : Map.of());
		ack.send(reply);
	}

	@Override
	public void failed(SocketIoSocket socket, String command, Ack ack, DomainException error) {
		ErrorPayload body = new ErrorPayload(error.getMessage(), error.code().name(), command);
		if (ack.requested()) {
			ack.send(Map.of("success", false, "ok", false, "message", error.getMessage(), "error",
					Replies.error(error)));
		}
		socket.emit("error", body);
	}

	/**
	 * The {@code error} event of every seed dialect (DIALECTS.md §0.4): {@code message}
	 * is what the seeds' clients read; the stable {@code code} and the refused
	 * {@code event} come beside it.
	 */
	public record ErrorPayload(String message, String code, String event) {
	}

	/**
	 * An id the seed clients send either bare ({@code emit('join-order-room', orderId)})
	 * or as a field of an object ({@code emit('join_order_chat', {orderId})}).
	 */
	public static String idArgument(JsonNode[] args, String field) {
		if (args.length > 0 && args[0] != null && (args[0].isString() || args[0].isIntegralNumber())) {
			String value = args[0].asString();
			if (!value.isBlank()) {
				return value;
			}
		}
		return Payload.of(args).id(field);
	}

	/** Whether the first argument is an object carrying {@code field}. */
	public static boolean carries(JsonNode[] args, String field) {
		return args.length > 0 && args[0] != null && args[0].isObject() && args[0].has(field);
	}

	/** Someone named in an event: {@code {id, name}}. */
	public static Map<String, Object> person(String id, String name) {
		return json("id", id, "name", name);
	}

	/** Map.of that tolerates null values (JSON null). */
	public static Map<String, Object> json(Object... keysAndValues) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			json.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return json;
	}

	public static Optional<String> orderIdOf(Subject subject) {
		return (subject.kind() == ConversationKind.ORDER) ? Optional.ofNullable(subject.subjectId()) : Optional.empty();
	}

}
