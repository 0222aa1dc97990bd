package io.orderchat.shared.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.orderchat.shared.ErrorCode;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Answers the errors Jetty raises itself, before a request reaches the application — a
 * malformed request line or URI (400), a URI or headers too long (414, 431) — in the JSON
 * envelope instead of Jetty's HTML page. Errors inside the application go to
 * {@link ErrorEndpoint}.
 */
@Component
class JettyErrors implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> {

	@Override
	public void customize(ConfigurableJettyWebServerFactory factory) {
		factory.addServerCustomizers((server) -> server.setErrorHandler(new JsonErrorHandler()));
	}

	/** The envelope for an HTTP status, with a fixed message (nothing of the request). */
	static byte[] envelope(int status) {
		ErrorCode code = ErrorEndpoint.codeOf(status);
		String message = switch (status) {
			case 400 -> "The request is malformed";
			case 404 -> "No such endpoint";
			case 413 -> "The request is too large";
			case 414 -> "The request URI is too long";
			case 431 -> "The request headers are too large";
			default -> "Request failed with HTTP status " + status;
		};
		return ("{\"success\":false,\"message\":\"" + message + "\",\"error\":{\"code\":\"" + code.name()
				+ "\",\"message\":\"" + message + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	static final class JsonErrorHandler extends ErrorHandler {

		@Override
		protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
				Callback callback) {
			byte[] body = envelope(code);
			response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
			response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
			response.write(true, ByteBuffer.wrap(body), callback);
		}

		@Override
		public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
			fields.put(HttpHeader.CONTENT_TYPE, "application/json");
			return ByteBuffer.wrap(envelope(status));
		}

	}

}
