package io.orderchat.socketio.engine;

import java.util.List;
import java.util.Map;

/**
 * What the engine needs to know about an HTTP request, independent of the web server.
 *
 * @param method the HTTP method, upper case
 * @param query the decoded query parameters
 * @param headers the request headers with lower-case names
 * @param remoteAddress the client's address
 * @param upgrade whether this is a WebSocket upgrade request
 */
public record EngineRequest(String method, Map<String, List<String>> query, Map<String, String> headers,
		String remoteAddress, boolean upgrade) {

	/** The first value of a query parameter, or {@code null}. */
	public String parameter(String name) {
		List<String> values = this.query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	public String header(String lowerCaseName) {
		return this.headers.get(lowerCaseName);
	}

	String transport() {
		return parameter("transport");
	}

	String sid() {
		return parameter("sid");
	}

	/** This request without its headers. */
	public EngineRequest withoutHeaders() {
		return new EngineRequest(this.method, this.query, Map.of(), this.remoteAddress, this.upgrade);
	}

}
