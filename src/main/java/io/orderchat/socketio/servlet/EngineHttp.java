package io.orderchat.socketio.servlet;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.orderchat.socketio.engine.EngineOptions;
import io.orderchat.socketio.engine.EngineRequest;
import io.orderchat.socketio.engine.EngineServer;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.util.Callback;

/**
 * What the engine's servlet and {@link EngineUpgradeHandler} share, so that a WebSocket
 * handshake gets the same request, CORS answer and endpoint whichever of them serves it.
 */
final class EngineHttp {

	private EngineHttp() {
	}

	/**
	 * The engine's view of a request: its query parsed from the raw query string only
	 * (never a form body), its headers by lower-case name (the first value of each).
	 */
	static EngineRequest request(String method, String queryString, Map<String, String> headers, String remoteAddress,
			boolean upgrade) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (queryString != null) {
			for (String pair : queryString.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = decode((equals < 0) ? pair : pair.substring(0, equals));
				String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
				query.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(value);
			}
		}
		// Immutable copies: a session keeps the query for its life, in a fraction of the
		// room the builders take.
		query.replaceAll((name, values) -> List.copyOf(values));
		return new EngineRequest(method, Map.copyOf(query), Map.copyOf(headers), remoteAddress, upgrade);
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	/**
	 * Answers an allowed origin: a trusted one (listed, or the server's own) with itself
	 * and credentials, any other (the list holds {@code *}) with a wildcard and no
	 * credentials. Answers whether the origin is allowed (no origin: not a browser, yes).
	 * {@code set} and {@code add} write a response header: the servlet's response or
	 * Jetty's own.
	 */
	static boolean applyCors(EngineOptions options, EngineRequest request, BiConsumer<String, String> set,
			BiConsumer<String, String> add) {
		String origin = request.header("origin");
		if (origin == null) {
			return true;
		}
		String host = request.header("host");
		add.accept("Vary", "Origin");
		if (options.trustsOrigin(origin, host)) {
			set.accept("Access-Control-Allow-Origin", origin);
			set.accept("Access-Control-Allow-Credentials", "true");
			return true;
		}
		if (options.allowsOrigin(origin, host)) {
			set.accept("Access-Control-Allow-Origin", "*");
			return true;
		}
		return false;
	}

	/**
	 * Accepts the WebSocket for the engine, without compression unless the engine's
	 * options ask for it.
	 */
	static WebSocketNegotiator negotiator(EngineServer engine, EngineRequest request) {
		boolean perMessageDeflate = engine.options().perMessageDeflate();
		return new WebSocketNegotiator.AbstractNegotiator() {

			@Override
			public FrameHandler negotiate(ServerUpgradeRequest upgradeRequest, ServerUpgradeResponse upgradeResponse,
					Callback callback) {
				if (!perMessageDeflate) {
					upgradeResponse.setExtensions(List.of());
				}
				return new JettyWebSocketEndpoint(engine, request);
			}

		};
	}

}
