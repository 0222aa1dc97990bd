package io.orderchat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny REST client for the tests: raw JSON in, status and parsed JSON out. */
public final class Api {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null);
	}

	public Response post(String path, String token, String body) {
		return send("POST", path, token, body);
	}

	public Response patch(String path, String token, String body) {
		return send("PATCH", path, token, body);
	}

	public Response put(String path, String token, String body) {
		return send("PUT", path, token, body);
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null);
	}

	public Response send(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode parsed = response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
			return new Response(response.statusCode(), parsed, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Writes a value as JSON, for request bodies. */
	public static String json(Object value) {
		return json.writeValueAsString(value);
	}

	/** An answer: its status, its JSON body, and the raw text for failure messages. */
	public record Response(int status, JsonNode body, String text) {

		public JsonNode data() {
			return this.body.path("data");
		}

		/**
		 * The error's code: in {@code error.code}, or beside an {@code error} text (seed
		 * 003's envelope).
		 */
		public String errorCode() {
			JsonNode error = this.body.path("error");
			return (error.isString() ? this.body.path("code") : error.path("code")).asString("");
		}

		@Override
		public String toString() {
			return this.status + " " + this.text;
		}

	}

}
