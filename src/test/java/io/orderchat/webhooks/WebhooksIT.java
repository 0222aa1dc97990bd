package io.orderchat.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks against a real HTTP receiver on a free port: signed deliveries that arrive
 * after the receiver's 500s, a delivery given up after the attempts limit and sent again
 * by retry-now, the offline participant's unread notice, and admins only.
 */
class WebhooksIT extends IntegrationTest {

	static final String SECRET = "receiver-secret-of-some-length";

	static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void fastRetries(DynamicPropertyRegistry registry) {
		registry.add("orderchat.webhooks.enabled", () -> "true");
		registry.add("orderchat.webhooks.poll-interval", () -> "100ms");
		registry.add("orderchat.webhooks.initial-backoff", () -> "200ms");
		registry.add("orderchat.webhooks.max-attempts", () -> "3");
		registry.add("orderchat.webhooks.unread-after", () -> "0s");
		// scanned by the test, not by the schedule
		registry.add("orderchat.webhooks.unread-scan-interval", () -> "1h");
	}

	@Autowired
	UnreadWhileOffline unreadWhileOffline;

	@Autowired
	Endpoints endpoints;

	@Autowired
	Deliveries deliveries;

	final Person admin = person("Admin", Role.ADMIN);

	final Person customer = person("Customer", Role.CUSTOMER);

	final Person performer = person("Performer", Role.PERFORMER);

	final Person moderator = person("Moderator", Role.MODERATOR);

	Receiver receiver;

	String endpointId;

	@AfterEach
	void removeEndpoint() {
		if (this.endpointId != null) {
			api().delete("/api/admin/webhooks/" + this.endpointId, this.admin.token());
		}
		if (this.receiver != null) {
			this.receiver.close();
		}
	}

	@Test
	void aMessageIsDeliveredSignedAfterTheReceiverFailedTwice() throws Exception {
		this.receiver = new Receiver(SECRET, 2);
		register(List.of("message.created"));
		String conv = acceptedOrder();
		String messageId = send(conv, this.customer, "Where is my parcel?");

		await().atMost(Duration.ofSeconds(20)).until(() -> attemptsOf(messageId).size() == 3);
		List<Receiver.Received> attempts = attemptsOf(messageId);
		assertThat(attempts).allMatch(Receiver.Received::signatureValid);
		// one delivery, one idempotency id on every attempt
		assertThat(attempts).extracting(Receiver.Received::deliveryId).containsOnly(attempts.get(0).deliveryId());
		JsonNode body = json.readTree(attempts.get(2).body());
		assertThat(body.path("type").asString()).isEqualTo("message.created");
		assertThat(body.path("data").path("conversationId").asString()).isEqualTo(conv);
		assertThat(body.path("data").path("content").asString()).isEqualTo("Where is my parcel?");
		assertThat(body.path("data").path("senderId").asString()).isEqualTo(this.customer.id());

		await().atMost(Duration.ofSeconds(5))
			.until(() -> delivery(attempts.get(0).deliveryId()).path("status").asString().equals("delivered"));
		JsonNode logged = delivery(attempts.get(0).deliveryId());
		assertThat(logged.path("attempts").asInt()).isEqualTo(3);
		assertThat(logged.path("lastStatusCode").asInt()).isEqualTo(200);
		assertThat(logged.path("event").asString()).isEqualTo("message.created");
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(metrics).contains("orderchat_webhook_deliveries_total{outcome=\"retry\"")
			.contains("orderchat_webhook_deliveries_total{outcome=\"delivered\"");
	}

	@Test
	void aDeliveryIsGivenUpAfterTheLimitAndSentAgainByRetryNow() {
		this.receiver = new Receiver(SECRET, Integer.MAX_VALUE);
		register(List.of("order.status_changed"));
		Response placed = placeOrder();
		String order = placed.data().path("order").path("id").asString();
		assertThat(api().post("/api/orders/" + order + "/accept", this.moderator.token(), null).status())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.receiver.of("order.status_changed")
				.stream()
				.filter((r) -> r.body().contains(order))
				.count() == 3);
		String deliveryId = this.receiver.of("order.status_changed").get(0).deliveryId();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> delivery(deliveryId).path("status").asString().equals("failed"));
		JsonNode failed = delivery(deliveryId);
		assertThat(failed.path("attempts").asInt()).isEqualTo(3);
		assertThat(failed.path("lastStatusCode").asInt()).isEqualTo(500);
		assertThat(failed.path("lastError").asString()).contains("HTTP 500").contains("try again");
		JsonNode data = json.readTree(this.receiver.of("order.status_changed").get(0).body()).path("data");
		assertThat(data.path("from").asString()).isEqualTo("pending");
		assertThat(data.path("to").asString()).isEqualTo("processing");

		this.receiver.failFirst(0);
		Response retried = api().post("/api/admin/webhooks/deliveries/" + deliveryId + "/retry", this.admin.token(),
				null);
		assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> delivery(deliveryId).path("status").asString().equals("delivered"));
		assertThat(delivery(deliveryId).path("attempts").asInt()).isEqualTo(4);
		// a delivered one is not sent again
		assertThat(api().post("/api/admin/webhooks/deliveries/" + deliveryId + "/retry", this.admin.token(), null)
			.errorCode()).isEqualTo("CONFLICT");
	}

	@Test
	void anOfflineParticipantWithUnreadMessagesIsAnnouncedOnce() throws InterruptedException {
		this.receiver = new Receiver(SECRET, 0);
		register(List.of("participant.unread_offline"));
		String conv = acceptedOrder();
		send(conv, this.customer, "first");
		send(conv, this.customer, "second");

		// other tests' conversations may wait too: scan until this one's turn came
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.unreadWhileOffline.scan();
			return noticesFor(conv, this.performer).size() == 1;
		});
		assertThat(noticesFor(conv, this.performer).get(0).path("unreadCount").asInt()).isEqualTo(2);
		assertThat(noticesFor(conv, this.performer).get(0).path("kind").asString()).isEqualTo("order");
		// the sender has nothing unread from others
		assertThat(noticesFor(conv, this.customer)).isEmpty();

		// nothing new: no second notice; a newer message: one more, for it alone
		this.unreadWhileOffline.scan();
		send(conv, this.customer, "third");
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.unreadWhileOffline.scan();
			return noticesFor(conv, this.performer).size() >= 2;
		});
		this.unreadWhileOffline.scan();
		Thread.sleep(500);
		assertThat(noticesFor(conv, this.performer)).hasSize(2)
			.last()
			.satisfies((data) -> assertThat(data.path("unreadCount").asInt()).isEqualTo(1));
	}

	@Test
	void claimersRacingForTheSameDeliveriesEachGetDifferentOnes() throws Exception {
		// due in 2099: this node's own worker (claiming at the real time) leaves them
		// alone
		Instant due = Instant.parse("2099-01-01T00:00:00Z");
		Instant later = due.plus(Duration.ofDays(365));
		this.receiver = new Receiver(SECRET, 0);
		Endpoint endpoint = new Endpoint(UUID.randomUUID(), this.receiver.url(), SECRET,
				Set.of(WebhookEvent.MESSAGE_CREATED), true, Instant.now(), Instant.now());
		this.endpoints.insert(endpoint);
		this.endpointId = endpoint.id().toString();
		int rows = 300;
		for (int i = 0; i < rows; i++) {
			this.deliveries.insert(UUID.randomUUID(), endpoint.id(), WebhookEvent.MESSAGE_CREATED, "{}", due);
		}

		List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
		int claimers = 6;
		CyclicBarrier start = new CyclicBarrier(claimers);
		try (ExecutorService pool = Executors.newFixedThreadPool(claimers)) {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < claimers; c++) {
				running.add(pool.submit(() -> {
					start.await();
					int empty = 0;
					while (empty < 3) {
						List<Deliveries.Claimed> batch = this.deliveries.claim(7, later,
								later.plus(Duration.ofHours(1)));
						batch.forEach((delivery) -> claimed.add(delivery.id()));
						empty = batch.isEmpty() ? empty + 1 : 0;
					}
					return null;
				}));
			}
			for (Future<?> claimer : running) {
				claimer.get(60, TimeUnit.SECONDS);
			}
		}
		assertThat(claimed).hasSize(rows).doesNotHaveDuplicates();
	}

	@Test
	void onlyAdminsManageWebhooks() {
		String body = Api.json(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("message.created")));
		for (Person refused : List.of(this.customer, this.moderator, person("Agent", Role.SUPPORT))) {
			assertThat(api().post("/api/admin/webhooks", refused.token(), body).status()).isEqualTo(403);
			assertThat(api().get("/api/admin/webhooks", refused.token()).status()).isEqualTo(403);
			assertThat(api().get("/api/admin/webhooks/deliveries", refused.token()).status()).isEqualTo(403);
		}
		assertThat(api().get("/api/admin/webhooks", null).status()).isEqualTo(401);
	}

	@Test
	void registrationIsCheckedAndTheSecretShownOnce() {
		for (String bad : List.of("{\"url\":\"ftp://x/hook\",\"events\":[\"message.created\"]}",
				"{\"url\":\"http://127.0.0.1/hook\",\"events\":[\"message.sent\"]}",
				"{\"url\":\"http://127.0.0.1/hook\",\"events\":[]}",
				"{\"url\":\"http://127.0.0.1/hook\",\"events\":[\"message.created\"],\"secret\":\"short\"}")) {
			Response refused = api().post("/api/admin/webhooks", this.admin.token(), bad);
			assertThat(refused.errorCode()).as(bad + " -> " + refused).isEqualTo("VALIDATION_FAILED");
		}
		Response created = api().post("/api/admin/webhooks", this.admin.token(),
				"{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"dispute.opened\"],\"enabled\":false}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.endpointId = created.data().path("endpoint").path("id").asString();
		assertThat(created.data().path("secret").asString()).hasSize(64);
		Response listed = api().get("/api/admin/webhooks", this.admin.token());
		assertThat(listed.text()).contains(this.endpointId).doesNotContain(created.data().path("secret").asString());

		Response changed = api().patch("/api/admin/webhooks/" + this.endpointId, this.admin.token(),
				"{\"events\":[\"dispute.opened\",\"dispute.status_changed\"],\"enabled\":true}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.data().path("enabled").asBoolean()).isTrue();
		assertThat(changed.data().path("events").toString()).contains("dispute.opened", "dispute.status_changed");
		assertThat(api().delete("/api/admin/webhooks/" + this.endpointId, this.admin.token()).status()).isEqualTo(200);
		assertThat(api().delete("/api/admin/webhooks/" + this.endpointId, this.admin.token()).status()).isEqualTo(404);
		this.endpointId = null;
	}

	// --- the world

	private void register(List<String> events) {
		Response created = api().post("/api/admin/webhooks", this.admin.token(),
				Api.json(Map.of("url", this.receiver.url(), "secret", SECRET, "events", events)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.endpointId = created.data().path("endpoint").path("id").asString();
	}

	private Response placeOrder() {
		Response placed = api().post("/api/orders/external", this.admin.token(),
				Api.json(Map.of("externalId", "hook-" + UUID.randomUUID(), "customer",
						Map.of("id", this.customer.id(), "name", this.customer.name()), "performer",
						Map.of("id", this.performer.id(), "name", this.performer.name()), "title", "Groceries")));
		assertThat(placed.status() / 100).as(placed.toString()).isEqualTo(2);
		return placed;
	}

	private String acceptedOrder() {
		Response placed = placeOrder();
		String order = placed.data().path("order").path("id").asString();
		Response accepted = api().post("/api/orders/" + order + "/accept", this.moderator.token(), null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		return placed.data().path("chatRoomId").asString();
	}

	private String send(String conv, Person sender, String content) {
		Response sent = api().post("/api/conversations/" + conv + "/messages", sender.token(),
				Api.json(Map.of("content", content)));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return sent.data().path("message").path("id").asString();
	}

	private List<Receiver.Received> attemptsOf(String messageId) {
		return this.receiver.of("message.created").stream().filter((r) -> r.body().contains(messageId)).toList();
	}

	private List<JsonNode> unreadNoticesOf(String conv) {
		return this.receiver.of("participant.unread_offline")
			.stream()
			.map((r) -> json.readTree(r.body()).path("data"))
			.filter((data) -> data.path("conversationId").asString().equals(conv))
			.toList();
	}

	private List<JsonNode> noticesFor(String conv, Person person) {
		return unreadNoticesOf(conv).stream()
			.filter((data) -> data.path("userId").asString().equals(person.id()))
			.toList();
	}

	private JsonNode delivery(String id) {
		Response log = api().get("/api/admin/webhooks/deliveries?endpointId=" + this.endpointId, this.admin.token());
		assertThat(log.status()).as(log.toString()).isEqualTo(200);
		for (JsonNode delivery : log.data()) {
			if (delivery.path("id").asString().equals(id)) {
				return delivery;
			}
		}
		return json.missingNode();
	}

}
