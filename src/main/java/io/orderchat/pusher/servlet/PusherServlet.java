package io.orderchat.pusher.servlet;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.orderchat.pusher.PusherServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletCoreRequest;
import org.eclipse.jetty.ee11.servlet.ServletCoreResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The Pusher WebSocket endpoint, mapped to {@code /app/*}: {@code /app/<key>} upgrades to
 * a WebSocket through Jetty's WebSocket container (which Spring Boot's Jetty support
 * installs); the key is checked on the open socket, as Pusher does, so that a wrong one
 * is answered with {@code pusher:error} 4001 rather than an HTTP status. Anything that is
 * not an upgrade is answered 400.
 */
public final class PusherServlet extends HttpServlet {

	private final transient PusherServer server;

	private final transient Handshaker handshaker = Handshaker.newInstance();

	public PusherServlet(PusherServer server) {
		this.server = server;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getPathInfo();
		if (!"GET".equals(request.getMethod()) || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
				|| path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
			badRequest(response, "Pusher connects with a WebSocket to /app/<key>");
			return;
		}
		String key = URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
		String protocol = request.getParameter("protocol");
		WebSocketComponents components = WebSocketServerComponents
			.getWebSocketComponents(ServletContextHandler.getServletContextHandler(getServletContext()));
		if (components == null) {
			throw new IllegalStateException("Jetty WebSocket support is not initialised for this servlet context");
		}
		WebSocketNegotiator negotiator = new WebSocketNegotiator.AbstractNegotiator() {

			@Override
			public FrameHandler negotiate(ServerUpgradeRequest upgradeRequest, ServerUpgradeResponse upgradeResponse,
					Callback callback) {
				// Frames are small and shared by all subscribers: no per-connection
				// deflate.
				upgradeResponse.setExtensions(List.of());
				return new JettyPusherEndpoint(PusherServlet.this.server, key, protocol);
			}

		};
		Request coreRequest = ServletCoreRequest.wrap(request);
		Response coreResponse = ServletCoreResponse.wrap(coreRequest, response, false);
		try (Blocker.Callback callback = Blocker.callback()) {
			if (this.handshaker.upgradeRequest(negotiator, coreRequest, coreResponse, callback, components, null)) {
				callback.block();
			}
			else {
				badRequest(response, "Not a valid WebSocket upgrade");
			}
		}
	}

	private static void badRequest(HttpServletResponse response, String message) throws IOException {
		byte[] body = ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("application/json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
