package io.orderchat.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.IntegrationTest.Person;
import io.orderchat.testing.ServerProcess;
import io.orderchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node killed with {@code kill -9} after committing a message and before sending its
 * webhook: the delivery is in the outbox, and the next node sends it exactly once. The
 * first node runs with its sender off ({@code orderchat.webhooks.enabled=false}), which
 * holds it in that window for as long as the test needs; the restarted node sends.
 */
class WebhookCrashIT {

	static final String SECRET = "crash-receiver-secret-0123456789";

	@Test
	void aDeliveryCommittedBeforeAKillIsSentOnceAfterTheRestart() throws Exception {
		TestDatabase.Settings database = TestDatabase.freshPostgres();
		Person admin = new Person("admin-" + UUID.randomUUID(), "Ada Admin", Role.ADMIN);
		Person customer = new Person("customer-" + UUID.randomUUID(), "Carla Customer", Role.CUSTOMER);
		Person performer = new Person("performer-" + UUID.randomUUID(), "Pete Performer", Role.PERFORMER);
		try (Receiver receiver = new Receiver(SECRET, 0)) {
			String messageId;
			int pending;
			ServerProcess first = ServerProcess.start(options(database, false));
			try {
				Api api = new Api(first.port());
				Api.Response order = api.post("/api/orders/external", admin.token(),
						Api.json(Map.of("externalId", "hook-crash-" + UUID.randomUUID(), "customer",
								Map.of("id", customer.id(), "name", customer.name()), "performer",
								Map.of("id", performer.id(), "name", performer.name()))));
				assertThat(order.status()).as(order.toString()).isEqualTo(201);
				Api.Response endpoint = api.post("/api/admin/webhooks", admin.token(), Api
					.json(Map.of("url", receiver.url(), "secret", SECRET, "events", List.of("message.created"))));
				assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
				Api.Response sent = api.post(
						"/api/conversations/" + order.data().path("chatRoomId").asString() + "/messages",
						customer.token(), Api.json(Map.of("content", "committed, then killed")));
				assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
				messageId = sent.data().path("message").path("id").asString();
				pending = api.get("/api/admin/webhooks/deliveries?status=pending", admin.token()).data().size();
				assertThat(pending).isPositive();
			}
			finally {
				first.kill9();
			}
			assertThat(receiver.received).isEmpty();

			try (ServerProcess second = ServerProcess.start(options(database, true))) {
				await().atMost(Duration.ofSeconds(30))
					.until(() -> receiver.received.stream().anyMatch((r) -> r.body().contains(messageId)));
				// several polls later: every delivery sent once, the message's among them
				Thread.sleep(2000);
				assertThat(receiver.received.stream().filter((r) -> r.body().contains(messageId))).hasSize(1);
				assertThat(receiver.received).hasSize(pending)
					.allMatch(Receiver.Received::signatureValid)
					.extracting(Receiver.Received::deliveryId)
					.doesNotHaveDuplicates();
				Api.Response log = new Api(second.port()).get("/api/admin/webhooks/deliveries", admin.token());
				assertThat(log.data().size()).isEqualTo(pending);
				log.data().forEach((delivery) -> {
					assertThat(delivery.path("status").asString()).isEqualTo("delivered");
					assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
				});
			}
		}
	}

	private static ServerProcess.Options options(TestDatabase.Settings database, boolean sending) {
		return ServerProcess.options("webhook-crash", database)
			.javaOptions("-Xmx512m", "-XX:TieredStopAtLevel=1")
			.arguments("--orderchat.webhooks.enabled=" + sending, "--orderchat.webhooks.poll-interval=200ms");
	}

}
