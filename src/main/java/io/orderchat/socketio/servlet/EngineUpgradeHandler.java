package io.orderchat.socketio.servlet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.orderchat.socketio.engine.EngineError;
import io.orderchat.socketio.engine.EngineRequest;
import io.orderchat.socketio.engine.EngineServer;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * Upgrades the engine's WebSockets in front of the servlet context, on Jetty's core
 * request: a WebSocket handshake, the bulk of a connect storm, then builds no servlet
 * request, response, channel or wrappers around them, which were a large share of a
 * connect's CPU (docs/benchmarks.md). It answers exactly what the engine's servlet
 * answers to the same request (the same checks, CORS and error answers, the same
 * endpoint), and leaves everything else to the servlet: polling, the client files, other
 * paths and methods, a handshake that is not {@code transport=websocket}.
 */
public final class EngineUpgradeHandler extends Handler.Wrapper {

	private final EngineServer engine;

	/** The engine's path with the context's: {@code /socket.io/} at the root. */
	private final String path;

	private final ServletContextHandler context;

	/**
	 * Headers every answer of the application carries (the servlet's filters set them).
	 */
	private final Consumer<HttpFields.Mutable> commonHeaders;

	private final Handshaker handshaker = Handshaker.newInstance();

	private EngineUpgradeHandler(EngineServer engine, String path, ServletContextHandler context,
			Consumer<HttpFields.Mutable> commonHeaders) {
		this.engine = engine;
		this.path = path;
		this.context = context;
		this.commonHeaders = commonHeaders;
	}

	/**
	 * Puts the handler just in front of the server's servlet context, whose engine
	 * servlet is mapped to {@code enginePath} (such as {@code /socket.io/*}): inside
	 * whatever wraps the context (graceful shutdown, statistics), so those still see the
	 * handshakes.
	 * @param commonHeaders adds the headers the application's filters would have added
	 */
	public static void install(Server server, EngineServer engine, String enginePath,
			Consumer<HttpFields.Mutable> commonHeaders) {
		ServletContextHandler context = server.getDescendant(ServletContextHandler.class);
		if (context == null) {
			throw new IllegalStateException("No servlet context to put the engine's upgrades in front of");
		}
		Handler.Singleton parent = server;
		while (parent.getHandler() != context) {
			if (!(parent.getHandler() instanceof Handler.Singleton next)) {
				throw new IllegalStateException("The servlet context is not behind a chain of wrappers");
			}
			parent = next;
		}
		String contextPath = context.getContextPath();
		String prefix = (contextPath == null || "/".equals(contextPath)) ? "" : contextPath;
		parent.insertHandler(new EngineUpgradeHandler(engine, prefix + enginePath, context, commonHeaders));
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		WebSocketComponents components = isWebSocketHandshake(request)
				? WebSocketServerComponents.getWebSocketComponents(this.context) : null;
		if (components == null) {
			return super.handle(request, response, callback);
		}
		EngineRequest engineRequest = engineRequest(request);
		if (!"websocket".equals(engineRequest.parameter("transport"))) {
			return super.handle(request, response, callback);
		}
		HttpFields.Mutable headers = response.getHeaders();
		this.commonHeaders.accept(headers);
		EngineHttp.applyCors(this.engine.options(), engineRequest, headers::put, headers::add);
		EngineError error = this.engine.verify(engineRequest);
		if (error == null && this.handshaker.upgradeRequest(EngineHttp.negotiator(this.engine, engineRequest), request,
				response, callback, components, null)) {
			return true;
		}
		writeError(response, (error != null) ? error : EngineError.BAD_REQUEST, callback);
		return true;
	}

	/** A GET on the engine's path itself asking for a WebSocket (HTTP/1.1). */
	private boolean isWebSocketHandshake(Request request) {
		return HttpMethod.GET.is(request.getMethod()) && this.path.equals(request.getHttpURI().getPath())
				&& "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
	}

	/** What the servlet would make of the same request (see EngineIoServlet). */
	private static EngineRequest engineRequest(Request request) {
		Map<String, String> headers = new HashMap<>();
		for (HttpField field : request.getHeaders()) {
			headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
		}
		return EngineHttp.request(request.getMethod(), request.getHttpURI().getQuery(), headers,
				Request.getRemoteAddr(request), true);
	}

	private static void writeError(Response response, EngineError error, Callback callback) {
		byte[] body = error.body().getBytes(StandardCharsets.UTF_8);
		HttpFields.Mutable headers = response.getHeaders();
		if (error.retryLater()) {
			headers.put(HttpHeader.RETRY_AFTER, "1");
		}
		response.setStatus(error.status());
		headers.put(HttpHeader.CONTENT_TYPE, "application/json");
		headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
		response.write(true, ByteBuffer.wrap(body), callback);
	}

}
