package io.orderchat.socketio.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.orderchat.socketio.engine.EngineError;
import io.orderchat.socketio.engine.EngineRequest;
import io.orderchat.socketio.engine.EngineServer;
import io.orderchat.socketio.engine.PollResponder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletCoreRequest;
import org.eclipse.jetty.ee11.servlet.ServletCoreResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of an Engine.IO server, mapped to a path such as {@code /socket.io/*}
 * (async supported): CORS, request checks with the protocol's error answers, long-polling
 * GET and POST, and the WebSocket upgrade through Jetty's WebSocket container (which
 * Spring Boot's Jetty support, or {@code JettyWebSocketServletContainerInitializer},
 * installs). With a {@link ClientBundle} it also serves socket.io-client's browser files.
 *
 * <p>
 * Long polls are asynchronous: a waiting poll holds no thread.
 */
public final class EngineIoServlet extends HttpServlet {

	private static final Logger logger = LoggerFactory.getLogger(EngineIoServlet.class);

	private final transient EngineServer engine;

	private final transient ClientBundle bundle;

	private final transient Handshaker handshaker = Handshaker.newInstance();

	public EngineIoServlet(EngineServer engine) {
		this(engine, null);
	}

	/**
	 * @param bundle the client files to serve, or {@code null} for none
	 */
	public EngineIoServlet(EngineServer engine, ClientBundle bundle) {
		this.engine = engine;
		this.bundle = bundle;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		String path = request.getPathInfo();
		if (this.bundle != null && this.bundle.serves(path)) {
			this.bundle.serve(path, request, response);
			return;
		}
		EngineRequest engineRequest = toEngineRequest(request);
		boolean allowed = applyCors(engineRequest, response);
		if ("OPTIONS".equals(request.getMethod())) {
			// A fixed list, never an echo of what was asked: the transports need no more.
			response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
			response.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
			response.setStatus(allowed ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		EngineError error = this.engine.verify(engineRequest);
		if (error != null) {
			writeError(response, error);
			return;
		}
		if ("websocket".equals(engineRequest.parameter("transport"))) {
			upgrade(engineRequest, request, response);
		}
		else if ("GET".equals(request.getMethod())) {
			poll(engineRequest, request, response);
		}
		else if ("POST".equals(request.getMethod())) {
			post(engineRequest, request, response);
		}
		else {
			writeError(response, EngineError.BAD_REQUEST);
		}
	}

	private void upgrade(EngineRequest engineRequest, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		WebSocketComponents components = WebSocketServerComponents
			.getWebSocketComponents(ServletContextHandler.getServletContextHandler(getServletContext()));
		if (components == null) {
			throw new IllegalStateException("Jetty WebSocket support is not initialised for this servlet context");
		}
		Request coreRequest = ServletCoreRequest.wrap(request);
		Response coreResponse = ServletCoreResponse.wrap(coreRequest, response, false);
		try (Blocker.Callback callback = Blocker.callback()) {
			if (this.handshaker.upgradeRequest(EngineHttp.negotiator(this.engine, engineRequest), coreRequest,
					coreResponse, callback, components, null)) {
				callback.block();
			}
			else {
				writeError(response, EngineError.BAD_REQUEST);
			}
		}
	}

	private void poll(EngineRequest engineRequest, HttpServletRequest request, HttpServletResponse response) {
		AsyncContext async = request.startAsync();
		async.setTimeout(0);
		AsyncPollResponder responder = new AsyncPollResponder(async, response);
		async.addListener(new AsyncListener() {

			@Override
			public void onComplete(AsyncEvent event) {
			}

			@Override
			public void onTimeout(AsyncEvent event) {
				abort();
			}

			@Override
			public void onError(AsyncEvent event) {
				abort();
			}

			@Override
			public void onStartAsync(AsyncEvent event) {
			}

			private void abort() {
				if (responder.abandon()) {
					EngineIoServlet.this.engine.pollAborted(engineRequest, responder);
				}
			}

		});
		this.engine.handlePoll(engineRequest, responder);
	}

	private void post(EngineRequest engineRequest, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		long maxPayload = this.engine.options().maxPayload();
		if (request.getContentLengthLong() > maxPayload) {
			this.engine.payloadTooLarge(engineRequest);
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPayload + 1));
		}
		if (body.length > maxPayload) {
			this.engine.payloadTooLarge(engineRequest);
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		this.engine.handlePost(engineRequest, new String(body, StandardCharsets.UTF_8), (status, type, text) -> {
			try {
				write(response, status, type, text);
			}
			catch (IOException ex) {
				logger.debug("Could not answer a polling POST", ex);
			}
		});
	}

	private boolean applyCors(EngineRequest request, HttpServletResponse response) {
		return EngineHttp.applyCors(this.engine.options(), request, response::setHeader, response::addHeader);
	}

	private static EngineRequest toEngineRequest(HttpServletRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
		}
		boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
		return EngineHttp.request(request.getMethod(), request.getQueryString(), headers, request.getRemoteAddr(),
				upgrade);
	}

	private static void writeError(HttpServletResponse response, EngineError error) throws IOException {
		if (error.retryLater()) {
			response.setHeader("Retry-After", "1");
		}
		write(response, error.status(), "application/json", error.body());
	}

	private static void write(HttpServletResponse response, int status, String contentType, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(contentType);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** Answers a parked poll once, from whichever thread the engine calls it on. */
	private static final class AsyncPollResponder implements PollResponder {

		private final AsyncContext async;

		private final HttpServletResponse response;

		private boolean done;

		AsyncPollResponder(AsyncContext async, HttpServletResponse response) {
			this.async = async;
			this.response = response;
		}

		synchronized boolean abandon() {
			if (this.done) {
				return false;
			}
			this.done = true;
			return true;
		}

		@Override
		public void respond(int status, String contentType, String body) {
			synchronized (this) {
				if (this.done) {
					return;
				}
				this.done = true;
			}
			try {
				write(this.response, status, contentType, body);
			}
			catch (IOException | IllegalStateException ex) {
				logger.debug("Could not answer a poll", ex);
			}
			finally {
				try {
					this.async.complete();
				}
				catch (IllegalStateException ex) {
					logger.debug("Poll already completed", ex);
				}
			}
		}

	}

}
