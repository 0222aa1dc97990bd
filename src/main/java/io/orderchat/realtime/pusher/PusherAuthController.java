package io.orderchat.realtime.pusher;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import io.orderchat.identity.Caller;
import io.orderchat.pusher.Channels;
import io.orderchat.pusher.PusherServer;
import io.orderchat.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /pusher/auth}: pusher-js's channel authorization endpoint. Takes the
 * caller's bearer token and {@code socket_id} and {@code channel_name}, as a form (what
 * pusher-js sends) or as JSON, and answers {@code {"auth": "<key>:<signature>"}} — not in
 * the REST envelope: pusher-js reads {@code auth} at the top.
 */
@RestController
class PusherAuthController {

	private final PusherServer pusher;

	private final PrivateChannels channels;

	private final JsonMapper json;

	private final PusherSignIns signIns;

	PusherAuthController(PusherServer pusher, PrivateChannels channels, JsonMapper json, PusherSignIns signIns) {
		this.pusher = pusher;
		this.channels = channels;
		this.json = json;
		this.signIns = signIns;
	}

	@PostMapping(path = "/pusher/auth", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> authorize(Caller caller, HttpServletRequest request) throws IOException {
		Map<String, String> fields = fields(request);
		String socketId = fields.get("socket_id");
		String channel = fields.get("channel_name");
		if (!Channels.isValidSocketId(socketId)) {
			throw DomainException.invalid("Field 'socket_id' is required, as pusher:connection_established gave it");
		}
		if (!Channels.isValidName(channel) || !Channels.isPrivate(channel)) {
			throw DomainException.invalid("Field 'channel_name' must be a private- channel");
		}
		this.channels.checkMaySubscribe(caller, channel);
		this.signIns.signed(socketId, caller);
		return Map.of("auth", this.pusher.authorize(socketId, channel));
	}

	private Map<String, String> fields(HttpServletRequest request) throws IOException {
		String type = request.getContentType();
		if (type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
			try (InputStream body = request.getInputStream()) {
				JsonNode node = this.json.readTree(body);
				if (node == null || !node.isObject()) {
					throw DomainException.invalid("The body must be a JSON object");
				}
				return Map.of("socket_id", text(node, "socket_id"), "channel_name", text(node, "channel_name"));
			}
			catch (JacksonException ex) {
				throw DomainException.invalid("The body is not valid JSON");
			}
		}
		return Map.of("socket_id", nonNull(request.getParameter("socket_id")), "channel_name",
				nonNull(request.getParameter("channel_name")));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : "";
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}
