package io.orderchat.realtime.gateway;

import java.util.List;
import java.util.Map;

import io.orderchat.identity.Caller;
import io.orderchat.identity.TokenVerifier;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.ConnectionRefused;
import io.orderchat.socketio.Handshake;
import io.orderchat.socketio.Middleware;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * Handshake middleware: the socket connects only with a valid token, taken from
 * {@code auth.token} (socket.io-client's {@code auth} option), the {@code token} query
 * parameter or an {@code Authorization: Bearer} header, in that order. A refusal reaches
 * the client as {@code connect_error} with {@code data = {code, message}}.
 */
final class SocketAuthenticator implements Middleware {

	private final TokenVerifier tokens;

	SocketAuthenticator(TokenVerifier tokens) {
		this.tokens = tokens;
	}

	@Override
	public void handle(SocketIoSocket socket) throws ConnectionRefused {
		try {
			Caller caller = this.tokens.verify(tokenOf(socket.handshake()));
			SocketSession.attach(socket, caller);
		}
		catch (DomainException ex) {
			throw new ConnectionRefused(ex.getMessage(), Replies.error(ex));
		}
	}

	static String tokenOf(Handshake handshake) {
		JsonNode token = handshake.auth().get("token");
		if (token != null && token.isString() && !token.stringValue().isBlank()) {
			return bearer(token.stringValue());
		}
		List<String> query = handshake.query().getOrDefault("token", List.of());
		if (!query.isEmpty() && !query.getFirst().isBlank()) {
			return query.getFirst();
		}
		String header = handshake.headers().get("authorization");
		return (header != null) ? bearer(header) : null;
	}

	private static String bearer(String value) {
		String trimmed = value.trim();
		return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).trim() : trimmed;
	}

	static Map<String, String> describe(Caller caller) {
		return Map.of("userId", caller.userId(), "name", caller.name(), "role", caller.role().wire());
	}

}
