package io.orderchat.realtime.pusher;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.orderchat.identity.Role;
import io.orderchat.pusher.PusherServer;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Pusher Channels endpoint at {@code /app/{key}} (DIALECTS.md §1.4) over real
 * WebSockets: the real pusher-js@8 as seed 000 uses it (e2e/pusher), and a raw client for
 * what pusher-js never sends: malformed frames, limits, heartbeats. Short heartbeat and
 * small limits, so that they are reached quickly.
 */
@TestPropertySource(properties = { "orderchat.pusher.secret=pusher-it-secret", "orderchat.pusher.activity-timeout=2s",
		"orderchat.pusher.pong-timeout=1s", "orderchat.pusher.limits.channels-per-connection=5",
		"orderchat.pusher.limits.connections=40", "orderchat.pusher.limits.max-frame-size=2KB" })
class PusherChannelsIT extends IntegrationTest {

	private static final JsonMapper json = JsonMapper.shared();

	private static final String KEY = "orderchat-key";

	@Autowired
	private PusherServer pusher;

	@Test
	void pusherJsAsSeed000UsesIt() {
		NodeTests.run(this.port, SECRET, "e2e/pusher");
	}

	@Test
	void establishesWithASocketIdAndTheActivityTimeoutAsAString() {
		try (RawPusher client = RawPusher.open(this.port, KEY)) {
			JsonNode established = client.established();
			assertThat(established.path("data").isString()).isTrue();
			JsonNode data = RawPusher.data(established);
			assertThat(data.path("socket_id").asString()).matches("\\d+\\.\\d+");
			assertThat(data.path("activity_timeout").asInt()).isEqualTo(2);
		}
	}

	@Test
	void refusesAnUnknownKeyWith4001() {
		try (RawPusher client = RawPusher.open(this.port, "wrong-key")) {
			JsonNode error = client.next();
			assertThat(error.path("event").asString()).isEqualTo("pusher:error");
			assertThat(error.path("data").path("code").asInt()).isEqualTo(4001);
			assertThat(client.closeCode()).isEqualTo(4001);
		}
	}

	@Test
	void answersMalformedFramesWithoutClosing() {
		try (RawPusher client = RawPusher.open(this.port, KEY)) {
			client.established();
			for (String frame : List.of("not json", "[1,2]", "{\"event\":5}", "{}", "null",
					"{\"event\":\"pusher:subscribe\",\"data\":{}}",
					"{\"event\":\"pusher:subscribe\",\"data\":\"{oops\"}",
					"{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"bad channel!\"}}",
					"{\"event\":\"pusher:unsubscribe\",\"data\":42}")) {
				client.send(frame);
				assertThat(client.next().path("event").asString()).as(frame).isEqualTo("pusher:error");
			}
			client.sendBinary(new byte[] { 1, 2, 3 });
			assertThat(client.next().path("event").asString()).isEqualTo("pusher:error");
			// Client events and unknown events are ignored: the next answer is the pong.
			client.send("{\"event\":\"client-typing\",\"channel\":\"order-1\",\"data\":{}}");
			client.send("{\"event\":\"pusher:signin\",\"data\":{}}");
			client.send("{\"event\":\"pusher:ping\",\"data\":{}}");
			JsonNode pong = client.next();
			assertThat(pong.path("event").asString()).isEqualTo("pusher:pong");
			assertThat(pong.path("data").asString()).isEqualTo("{}");
			assertThat(client.isOpen()).isTrue();
		}
	}

	@Test
	void subscribesDeliversAndUnsubscribes() {
		String channel = "order-" + System.nanoTime();
		try (RawPusher client = RawPusher.open(this.port, KEY)) {
			client.established();
			client.send(subscribe(channel, null));
			JsonNode succeeded = client.next();
			assertThat(succeeded.path("event").asString()).isEqualTo("pusher_internal:subscription_succeeded");
			assertThat(succeeded.path("channel").asString()).isEqualTo(channel);
			assertThat(succeeded.path("data").asString()).isEqualTo("{}");
			assertThat(this.pusher.hasSubscribers(channel)).isTrue();

			assertThat(this.pusher.trigger(channel, "status-updated", Map.of("status", "completed"))).isEqualTo(1);
			JsonNode event = client.next();
			assertThat(event.path("event").asString()).isEqualTo("status-updated");
			assertThat(event.path("channel").asString()).isEqualTo(channel);
			assertThat(RawPusher.data(event).path("status").asString()).isEqualTo("completed");

			client.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
			client.send("{\"event\":\"pusher:ping\",\"data\":{}}");
			assertThat(client.next().path("event").asString()).isEqualTo("pusher:pong");
			assertThat(this.pusher.hasSubscribers(channel)).isFalse();
			assertThat(this.pusher.trigger(channel, "status-updated", Map.of("status", "rejected"))).isZero();
			client.send("{\"event\":\"pusher:ping\",\"data\":{}}");
			assertThat(client.next().path("event").asString()).as("nothing of the channel any more")
				.isEqualTo("pusher:pong");
		}
	}

	@Test
	void limitsChannelsPerConnection() {
		try (RawPusher client = RawPusher.open(this.port, KEY)) {
			client.established();
			for (int i = 0; i < 5; i++) {
				client.send(subscribe("limit-" + i + "-" + System.nanoTime(), null));
				assertThat(client.next().path("event").asString()).isEqualTo("pusher_internal:subscription_succeeded");
			}
			String sixth = "limit-6-" + System.nanoTime();
			client.send(subscribe(sixth, null));
			JsonNode refused = client.next();
			assertThat(refused.path("event").asString()).isEqualTo("pusher:error");
			assertThat(refused.path("data").path("code").asInt()).isEqualTo(4300);
			assertThat(this.pusher.hasSubscribers(sixth)).isFalse();
			assertThat(client.isOpen()).isTrue();
		}
	}

	@Test
	void closesAConnectionThatSendsAFrameOverTheLimit() {
		try (RawPusher client = RawPusher.open(this.port, KEY)) {
			client.established();
			client.send("{\"event\":\"pusher:ping\",\"data\":\"" + "x".repeat(3000) + "\"}");
			assertThat(client.closeCode()).isEqualTo(1009);
		}
	}

	@Test
	void refusesConnectionsOverCapacityWith4100() {
		List<RawPusher> clients = new ArrayList<>();
		try {
			JsonNode refusal = null;
			for (int i = 0; i <= 40 && refusal == null; i++) {
				RawPusher client = RawPusher.open(this.port, KEY);
				clients.add(client);
				JsonNode first = client.next();
				if ("pusher:error".equals(first.path("event").asString())) {
					refusal = first;
				}
			}
			assertThat(refusal).as("a refusal within 41 connections").isNotNull();
			assertThat(refusal.path("data").path("code").asInt()).isEqualTo(4100);
			assertThat(clients.getLast().closeCode()).isEqualTo(4100);
			assertThat(this.pusher.connectionCount()).isLessThanOrEqualTo(40);
		}
		finally {
			clients.forEach(RawPusher::close);
		}
	}

	@Test
	void pingsASilentClientAndClosesOneThatDoesNotAnswer() throws InterruptedException {
		try (RawPusher answering = RawPusher.open(this.port, KEY); RawPusher silent = RawPusher.open(this.port, KEY)) {
			answering.established();
			silent.established();
			JsonNode ping = answering.next(Duration.ofSeconds(5));
			assertThat(ping.path("event").asString()).isEqualTo("pusher:ping");
			answering.send("{\"event\":\"pusher:pong\",\"data\":{}}");
			assertThat(silent.next(Duration.ofSeconds(5)).path("event").asString()).isEqualTo("pusher:ping");
			// Silent past the pong timeout: closed with 4201, which tells pusher-js to
			// reconnect.
			assertThat(silent.closeCode()).isEqualTo(4201);
			assertThat(answering.isOpen()).isTrue();
		}
	}

	@Test
	void privateChannelsNeedASignatureFromPusherAuth() {
		Person moderator = person("Mia Moderator", Role.MODERATOR);
		Person customer = person("Carl Customer", Role.CUSTOMER);
		String channel = "private-moderator-channel";
		try (RawPusher client = RawPusher.open(this.port, KEY)) {
			String socketId = RawPusher.data(client.established()).path("socket_id").asString();

			client.send(subscribe(channel, null));
			assertThat(client.next().path("data").path("code").asInt()).isEqualTo(4009);
			client.send(subscribe(channel, KEY + ":" + "0".repeat(64)));
			assertThat(client.next().path("data").path("code").asInt()).isEqualTo(4009);
			client.send(subscribe("presence-room", KEY + ":" + "0".repeat(64)));
			assertThat(client.next().path("data").path("code").asInt()).isEqualTo(4009);
			assertThat(this.pusher.hasSubscribers(channel)).isFalse();

			String body = Api.json(Map.of("socket_id", socketId, "channel_name", channel));
			assertThat(api().post("/pusher/auth", null, body).status()).isEqualTo(401);
			assertThat(api().post("/pusher/auth", customer.token(), body).status()).isEqualTo(403);
			assertThat(api()
				.post("/pusher/auth", moderator.token(), Api.json(Map.of("socket_id", "x", "channel_name", channel)))
				.status()).isEqualTo(400);
			assertThat(api()
				.post("/pusher/auth", moderator.token(),
						Api.json(Map.of("socket_id", socketId, "channel_name", "private-anything")))
				.status()).isEqualTo(404);
			Response signed = api().post("/pusher/auth", moderator.token(), body);
			assertThat(signed.status()).as(signed.text()).isEqualTo(200);
			String auth = signed.body().path("auth").asString();
			assertThat(auth).startsWith(KEY + ":");
			assertThat(form(moderator.token(), socketId, channel)).as("pusher-js sends a form").isEqualTo(auth);

			client.send(subscribe(channel, auth));
			assertThat(client.next().path("event").asString()).isEqualTo("pusher_internal:subscription_succeeded");
			assertThat(this.pusher.hasSubscribers(channel)).isTrue();
		}
	}

	@Test
	void signingAUserOutClosesThePusherConnectionsSignedForThem() {
		Person moderator = person("Mo Moderator", Role.MODERATOR);
		Person admin = person("Ada Admin", Role.ADMIN);
		String channel = "private-moderator-channel";
		try (RawPusher client = RawPusher.open(this.port, KEY); RawPusher other = RawPusher.open(this.port, KEY)) {
			String socketId = RawPusher.data(client.established()).path("socket_id").asString();
			other.established();
			String token = moderator.token();
			String auth = api()
				.post("/pusher/auth", token, Api.json(Map.of("socket_id", socketId, "channel_name", channel)))
				.body()
				.path("auth")
				.asString();
			client.send(subscribe(channel, auth));
			assertThat(client.next().path("event").asString()).isEqualTo("pusher_internal:subscription_succeeded");

			assertThat(api().post("/api/admin/users/" + moderator.id() + "/sign-out", admin.token(), null).status())
				.isEqualTo(200);

			assertThat(client.closeCode()).as("closed as not authorised").isEqualTo(4009);
			assertThat(other.isOpen()).isTrue();
			assertThat(
					api().post("/pusher/auth", token, Api.json(Map.of("socket_id", socketId, "channel_name", channel)))
						.errorCode())
				.isEqualTo("TOKEN_REVOKED");
		}
	}

	@Test
	void exposesItsMetrics() throws Exception {
		try (RawPusher client = RawPusher.open(this.port, KEY); HttpClient http = HttpClient.newHttpClient()) {
			client.established();
			String metrics = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(metrics).containsPattern("(?m)^orderchat_pusher_connections(\\{[^}]*\\})? [1-9]")
				.contains("orderchat_pusher_channels", "orderchat_pusher_connections_refused_total",
						"orderchat_pusher_slow_consumers_total");
		}
	}

	private String form(String token, String socketId, String channel) {
		String body = "socket_id=" + URLEncoder.encode(socketId, StandardCharsets.UTF_8) + "&channel_name="
				+ URLEncoder.encode(channel, StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/pusher/auth"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body()).path("auth").asString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subscribe(String channel, String auth) {
		return Api.json(Map.of("event", "pusher:subscribe", "data",
				(auth != null) ? Map.of("channel", channel, "auth", auth) : Map.of("channel", channel)));
	}

	/**
	 * A bare protocol-7 client on Java's WebSocket: every frame it gets, and its close.
	 */
	static final class RawPusher implements WebSocket.Listener, AutoCloseable {

		private static final HttpClient http = HttpClient.newHttpClient();

		private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

		private final CompletableFuture<Integer> closed = new CompletableFuture<>();

		private final StringBuilder partial = new StringBuilder();

		private WebSocket socket;

		static RawPusher open(int port, String key) {
			RawPusher client = new RawPusher();
			client.socket = http.newWebSocketBuilder()
				.buildAsync(URI.create("ws://127.0.0.1:" + port + "/app/" + key + "?protocol=7&client=java&version=1"),
						client)
				.join();
			return client;
		}

		static JsonNode data(JsonNode frame) {
			return json.readTree(frame.path("data").asString());
		}

		JsonNode established() {
			JsonNode frame = next();
			assertThat(frame.path("event").asString()).isEqualTo("pusher:connection_established");
			return frame;
		}

		JsonNode next() {
			return next(Duration.ofSeconds(3));
		}

		JsonNode next(Duration within) {
			try {
				JsonNode frame = this.frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
				if (frame == null) {
					fail("no frame within %s", within);
				}
				return frame;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		void send(String text) {
			this.socket.sendText(text, true).join();
		}

		void sendBinary(byte[] bytes) {
			this.socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
		}

		int closeCode() {
			return this.closed.orTimeout(5, TimeUnit.SECONDS).join();
		}

		boolean isOpen() {
			return !this.closed.isDone();
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.frames.add(json.readTree(this.partial.toString()));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closed.complete(-1);
		}

		@Override
		public void close() {
			if (!this.socket.isOutputClosed()) {
				this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((ex) -> null);
			}
			this.socket.abort();
		}

	}

}
