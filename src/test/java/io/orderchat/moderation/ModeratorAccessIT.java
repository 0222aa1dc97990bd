package io.orderchat.moderation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DIALECTS.md §0.2: a moderator reads and writes an order's conversation only while
 * assigned to the order; every moderator may use dispute conversations; admins
 * everything.
 */
class ModeratorAccessIT extends IntegrationTest {

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Pete Performer", Role.PERFORMER);

	final Person mona = person("Mona Moderator", Role.MODERATOR);

	final Person max = person("Max Moderator", Role.MODERATOR);

	final Person admin = person("Ada Admin", Role.ADMIN);

	String orderId;

	String conversationId;

	@BeforeEach
	void registerAnOrder() {
		Response created = api().post("/api/orders/external", this.admin.token(),
				Api.json(Map.of("externalId", "access-" + UUID.randomUUID(), "customer",
						Map.of("id", this.customer.id(), "name", this.customer.name()), "performer",
						Map.of("id", this.performer.id(), "name", this.performer.name()))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.orderId = created.data().path("order").path("id").asString();
		this.conversationId = created.data().path("chatRoomId").asString();
		for (Person moderator : List.of(this.mona, this.max)) {
			api().get("/api/orders/my-orders", moderator.token()); // transfer targets
																	// must be known
		}
	}

	@Test
	void aModeratorWhoHasNotAcceptedTheOrderCannotReadOrWriteItsChatButSeesTheQueue() {
		assertThat(api().get("/api/moderation/queue", this.mona.token()).data().toString()).contains(this.orderId);
		assertRefused(this.mona);

		assertThat(api().post("/api/orders/" + this.orderId + "/accept", this.mona.token(), null).status())
			.isEqualTo(200);

		assertAdmitted(this.mona);
		assertRefused(this.max);
		assertAdmitted(this.admin);
	}

	@Test
	void aModeratorWhoTransferredTheChatAwayLosesIt() {
		api().post("/api/orders/" + this.orderId + "/accept", this.mona.token(), null);
		api().post("/api/orders/" + this.orderId + "/transfer", this.mona.token(),
				Api.json(Map.of("toModeratorId", this.max.id())));
		assertAdmitted(this.mona);

		Response accepted = api().post("/api/orders/" + this.orderId + "/transfer/accept", this.max.token(), null);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertRefused(this.mona);
		assertAdmitted(this.max);
		assertThat(api().get("/api/conversations", this.mona.token()).data().toString())
			.doesNotContain(this.conversationId);
		assertThat(api().get("/api/conversations", this.max.token()).data().toString()).contains(this.conversationId);
	}

	@Test
	void everyModeratorMayUseADisputeConversation() {
		Response opened = api().post("/api/orders/" + this.orderId + "/disputes", this.customer.token(),
				Api.json(Map.of("reason", "never delivered")));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		String dispute = opened.data().path("conversationId").asString();

		for (Person moderator : List.of(this.mona, this.max)) {
			assertThat(api().get("/api/conversations/" + dispute, moderator.token()).status()).isEqualTo(200);
			assertThat(api()
				.post("/api/conversations/" + dispute + "/messages", moderator.token(),
						Api.json(Map.of("content", "looking into it")))
				.status()).isEqualTo(201);
		}
		assertRefused(this.mona);
	}

	private void assertRefused(Person person) {
		String base = "/api/conversations/" + this.conversationId;
		assertThat(api().get(base, person.token()).status()).as("open").isEqualTo(403);
		assertThat(api().get(base + "/messages", person.token()).status()).as("history").isEqualTo(403);
		assertThat(api().post(base + "/messages", person.token(), Api.json(Map.of("content", "hello"))).status())
			.as("send")
			.isEqualTo(403);
	}

	private void assertAdmitted(Person person) {
		String base = "/api/conversations/" + this.conversationId;
		assertThat(api().get(base, person.token()).status()).as("open").isEqualTo(200);
		assertThat(api().get(base + "/messages", person.token()).status()).as("history").isEqualTo(200);
		assertThat(api().post(base + "/messages", person.token(), Api.json(Map.of("content", "hello"))).status())
			.as("send")
			.isEqualTo(201);
	}

}
