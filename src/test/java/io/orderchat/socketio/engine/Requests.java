package io.orderchat.socketio.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link EngineRequest}s from query strings, as the servlet binding would. */
public final class Requests {

	private Requests() {
	}

	public static EngineRequest get(String query) {
		return request("GET", query, false, Map.of());
	}

	public static EngineRequest post(String query) {
		return request("POST", query, false, Map.of());
	}

	public static EngineRequest webSocket(String query) {
		return request("GET", query, true, Map.of());
	}

	public static EngineRequest request(String method, String query, boolean upgrade, Map<String, String> headers) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		Map<String, String> allHeaders = new HashMap<>(headers);
		allHeaders.putIfAbsent("host", "localhost:3000");
		return new EngineRequest(method, parameters, allHeaders, "127.0.0.1", upgrade);
	}

}
