package io.orderchat.realtime.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.ServerProcess;
import io.orderchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM with clients connected: a WebSocket client and a long-poll waiting on the
 * server are told to go at once (not after the poll's own timeout), the process ends in
 * under 5 s, and every message acknowledged before the end is stored.
 */
class GracefulShutdownIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void stopsPromptlyWithClientsConnectedAndLosesNoAcknowledgedMessage() throws Exception {
		TestDatabase.Settings database = TestDatabase.freshPostgres();
		String customer = IntegrationTest.token("shutdown-customer", "Carla", Role.CUSTOMER,
				Instant.now().plus(Duration.ofHours(1)));
		List<String> acked = new ArrayList<>();
		String conversationId;
		Duration stopped;
		CompletableFuture<HttpResponse<String>> pendingPoll;
		RawSocketIo websocket;
		try (ServerProcess server = ServerProcess.start(ServerProcess.options("shutdown", database))) {
			Api api = new Api(server.port());
			conversationId = api.post("/api/orders", customer, "{\"exchangeMethod\":\"cash\",\"amount\":10}")
				.data()
				.path("chatRoomId")
				.asString();
			pendingPoll = longPoll(server.port(), customer);
			websocket = RawSocketIo.open(server.port(), customer);
			assertThat(websocket.call("\"conversation:join\"", "{\"conversationId\":\"" + conversationId + "\"}",
					Duration.ofSeconds(10)))
				.contains("\"ok\":true");
			for (int i = 0; i < 20; i++) {
				String ack = websocket.call("\"message:send\"", "{\"conversationId\":\"" + conversationId
						+ "\",\"content\":\"before stop " + i + "\",\"clientId\":\"stop-" + i + "\"}",
						Duration.ofSeconds(10));
				if (ack != null && ack.contains("\"ok\":true")) {
					acked.add("stop-" + i);
				}
			}
			Thread.sleep(300);
			assertThat(pendingPoll).as("the long-poll waits on the server").isNotDone();

			stopped = server.terminate(Duration.ofSeconds(30));

			assertThat(stopped).as("SIGTERM to exit").isLessThan(Duration.ofSeconds(5));
			assertThat(server.output()).contains("Realtime connections closed for shutdown");
		}

		HttpResponse<String> poll = pendingPoll.get(1, TimeUnit.SECONDS);
		assertThat(poll.body()).as("the long-poll is answered with a close, not left to time out").contains("1");
		assertThat(websocket.awaitFrame("41", Duration.ofSeconds(1)) || websocket.isClosed()).isTrue();
		assertThat(acked).hasSize(20);
		try (ServerProcess again = ServerProcess.start(ServerProcess.options("shutdown-again", database))) {
			String history = new Api(again.port())
				.get("/api/conversations/" + conversationId + "/messages?limit=200", customer)
				.text();
			acked.forEach((clientId) -> assertThat(history).contains(clientId.replace("stop-", "before stop ")));
		}
	}

	/**
	 * An Engine.IO polling session connected to the main namespace, with a GET waiting.
	 */
	private static CompletableFuture<HttpResponse<String>> longPoll(int port, String token) throws Exception {
		String base = "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling";
		String open = get(base).body();
		String sid = open.replaceAll("(?s).*\"sid\":\"([^\"]+)\".*", "$1");
		String session = base + "&sid=" + sid;
		http.send(HttpRequest.newBuilder(URI.create(session))
			.POST(HttpRequest.BodyPublishers.ofString("40{\"token\":\"" + token + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(get(session).body()).startsWith("40{");
		return http.sendAsync(HttpRequest.newBuilder(URI.create(session)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
