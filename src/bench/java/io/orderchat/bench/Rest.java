package io.orderchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few REST calls the scenarios make to set up orders and read history. */
final class Rest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	Rest(String base) {
		this.base = base;
	}

	/** Registers an external order with a customer and a performer; answers its conversation id. */
	String registerOrder(String adminToken, String externalId, String customerId, String performerId)
			throws IOException, InterruptedException {
		String body = "{\"externalId\":\"" + externalId + "\",\"customer\":{\"id\":\"" + customerId + "\",\"name\":\""
				+ customerId + "\"},\"performer\":{\"id\":\"" + performerId + "\",\"name\":\"" + performerId
				+ "\"},\"title\":\"benchmark\"}";
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + "/api/orders/external"))
			.header("Authorization", "Bearer " + adminToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		if (response.statusCode() / 100 != 2) {
			throw new IOException("registering " + externalId + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return JSON.readTree(response.body()).path("data").path("chatRoomId").asString();
	}

	HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.build());
	}

	JsonNode getJson(String path, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path, token);
		if (response.statusCode() != 200) {
			throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
