package io.orderchat.socketio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What a socket presented when it connected.
 *
 * @param auth the CONNECT packet's payload (socket.io-client's {@code auth} option);
 * never {@code null}, an empty object if absent
 * @param query the query parameters of the connection's first request
 * @param headers the headers of the connection's first request, lower-case names: for
 * middleware. They are dropped once the connection's first socket is admitted (they are
 * most of what an idle connection would otherwise hold): handlers, and namespaces joined
 * later, see an empty map
 * @param remoteAddress the client's address
 * @param issued when the connection was opened
 * @param transport the transport when the socket connected: "polling" or "websocket"
 */
public record Handshake(JsonNode auth, Map<String, List<String>> query, Map<String, String> headers,
		String remoteAddress, Instant issued, String transport) {

	/** This handshake without its headers. */
	public Handshake withoutHeaders() {
		return new Handshake(this.auth, this.query, Map.of(), this.remoteAddress, this.issued, this.transport);
	}

}
