package io.orderchat.disputes;

import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DisputesIT extends IntegrationTest {

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Pete Performer", Role.PERFORMER);

	final Person otherPerformer = person("Paula Performer", Role.PERFORMER);

	final Person otherCustomer = person("Chris Customer", Role.CUSTOMER);

	final Person moderator = person("Mona Moderator", Role.MODERATOR);

	final Person admin = person("Ada Admin", Role.ADMIN);

	String orderId;

	String room;

	String otherOrderId;

	@BeforeEach
	void twoOrders() {
		Response order = register(this.customer, this.performer);
		this.orderId = order.data().path("order").path("id").asString();
		this.room = order.data().path("chatRoomId").asString();
		this.otherOrderId = register(this.otherCustomer, this.otherPerformer).data()
			.path("order")
			.path("id")
			.asString();
		api().post("/api/orders/" + this.orderId + "/accept", this.moderator.token(), null);
	}

	@Test
	void theCustomerOpensADisputeWithItsOwnConversation() {
		Response opened = open(this.customer, this.orderId, "The exchange never arrived");

		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		JsonNode dispute = opened.data();
		assertThat(dispute.path("status").asString()).isEqualTo("open");
		assertThat(dispute.path("orderId").asString()).isEqualTo(this.orderId);
		assertThat(dispute.path("openedBy").asString()).isEqualTo(this.customer.id());
		assertThat(dispute.path("moderatorId").asString()).isEqualTo(this.moderator.id());
		String conversation = dispute.path("conversationId").asString();
		Response view = api().get("/api/conversations/" + conversation, this.performer.token());
		assertThat(view.status()).as(view.toString()).isEqualTo(200);
		assertThat(view.data().path("conversation").path("kind").asString()).isEqualTo("dispute");
		assertThat(view.data().path("participants").toString()).contains(this.customer.id(), this.performer.id(),
				this.moderator.id());
		assertThat(view.data().path("messages").get(0).path("content").asString())
			.isEqualTo("Dispute opened by Carla Customer: The exchange never arrived");
		assertThat(api().get("/api/conversations/" + this.room + "/messages", this.customer.token()).text())
			.contains("Carla Customer opened a dispute");
		assertThat(this.events.of(DisputeOpened.class))
			.anyMatch((e) -> e.dispute().id().toString().equals(dispute.path("id").asString()));
		assertThat(api().get("/api/orders/" + this.orderId + "/disputes", this.performer.token()).data().size())
			.isEqualTo(1);
	}

	@Test
	void onlyTheOrdersCustomerOrPerformerMayOpenOneAndOnlyOneAtATime() {
		assertError(open(this.otherCustomer, this.orderId, "me too"), 403, "FORBIDDEN");
		assertError(open(this.moderator, this.orderId, "as staff"), 403, "FORBIDDEN");
		assertError(open(this.customer, this.orderId, "  "), 400, "VALIDATION_FAILED");
		assertThat(open(this.performer, this.orderId, "customer is rude").status()).isEqualTo(201);
		assertError(open(this.customer, this.orderId, "second one"), 409, "CONFLICT");
	}

	@Test
	void aPerformerCannotReadAnotherOrdersDispute() {
		String id = open(this.customer, this.orderId, "never arrived").data().path("id").asString();
		String conversation = api().get("/api/disputes/" + id, this.customer.token())
			.data()
			.path("conversationId")
			.asString();

		assertError(api().get("/api/disputes/" + id, this.otherPerformer.token()), 403, "FORBIDDEN");
		assertError(api().get("/api/conversations/" + conversation + "/messages", this.otherPerformer.token()), 403,
				"FORBIDDEN");
		assertError(api().post("/api/conversations/" + conversation + "/messages", this.otherPerformer.token(),
				"{\"content\":\"let me in\"}"), 403, "FORBIDDEN");
		assertThat(api().get("/api/disputes", this.otherPerformer.token()).data().toString()).doesNotContain(id);
		// Moderators reach every dispute conversation; admins every conversation.
		Person anotherModerator = person("Max Moderator", Role.MODERATOR);
		assertThat(api().get("/api/disputes/" + id, anotherModerator.token()).status()).isEqualTo(200);
		assertThat(api().get("/api/conversations/" + conversation + "/messages", anotherModerator.token()).status())
			.isEqualTo(200);
		assertThat(api().get("/api/conversations/" + conversation, this.admin.token()).status()).isEqualTo(200);
		assertThat(api().get("/api/disputes", anotherModerator.token()).data().toString()).contains(id);
		assertError(api().get("/api/disputes/" + UUID.randomUUID(), this.customer.token()), 404, "NOT_FOUND");
	}

	@Test
	void moderatorsMoveADisputeAndEachChangeIsAnEvent() {
		String id = open(this.customer, this.orderId, "never arrived").data().path("id").asString();
		assertError(api().patch("/api/disputes/" + id + "/status", this.customer.token(), "{\"status\":\"resolved\"}"),
				403, "FORBIDDEN");
		assertError(api().patch("/api/disputes/" + id + "/status", this.moderator.token(), "{\"status\":\"later\"}"),
				400, "VALIDATION_FAILED");

		Response review = api().patch("/api/disputes/" + id + "/status", this.moderator.token(),
				"{\"status\":\"in_review\"}");
		Response resolved = api().patch("/api/disputes/" + id + "/status", this.moderator.token(),
				"{\"status\":\"resolved\",\"resolution\":\"refunded\"}");

		assertThat(review.data().path("status").asString()).isEqualTo("in_review");
		assertThat(resolved.data().path("status").asString()).isEqualTo("resolved");
		assertThat(resolved.data().path("resolution").asString()).isEqualTo("refunded");
		assertError(api().patch("/api/disputes/" + id + "/status", this.moderator.token(), "{\"status\":\"rejected\"}"),
				409, "ILLEGAL_TRANSITION");
		assertThat(this.events.of(DisputeStatusChanged.class)
			.stream()
			.filter((e) -> e.dispute().id().toString().equals(id))
			.map(DisputeStatusChanged::to)
			.toList()).containsExactly(DisputeStatus.IN_REVIEW, DisputeStatus.RESOLVED);
		String conversation = resolved.data().path("conversationId").asString();
		assertThat(api().get("/api/conversations/" + conversation + "/messages", this.performer.token()).text())
			.contains("Dispute status changed from in_review to resolved by Mona Moderator: refunded");
		// A decided dispute frees the order for a new one.
		assertThat(open(this.performer, this.orderId, "again").status()).isEqualTo(201);
	}

	@Test
	void aDisputeCitesMessagesOfItsOrderAsEvidence() {
		Response sent = api().post("/api/conversations/" + this.room + "/messages", this.performer.token(),
				Api.json(Map.of("content", "I will not pay")));
		String messageId = sent.data().path("message").path("id").asString();
		String otherRoom = api().get("/api/orders/" + this.otherOrderId, this.otherCustomer.token())
			.data()
			.path("conversationId")
			.asString();
		String foreign = api()
			.post("/api/conversations/" + otherRoom + "/messages", this.otherCustomer.token(),
					Api.json(Map.of("content", "elsewhere")))
			.data()
			.path("message")
			.path("id")
			.asString();
		String id = open(this.customer, this.orderId, "threatened").data().path("id").asString();

		Response cited = api().post("/api/disputes/" + id + "/evidence", this.customer.token(),
				Api.json(Map.of("messageIds", java.util.List.of(messageId), "note", "see this")));

		assertThat(cited.status()).as(cited.toString()).isEqualTo(200);
		assertThat(cited.data().get(0).path("content").asString()).isEqualTo("I will not pay");
		assertThat(api().get("/api/disputes/" + id + "/evidence", this.moderator.token()).data().size()).isEqualTo(1);
		assertError(api().post("/api/disputes/" + id + "/evidence", this.customer.token(),
				Api.json(Map.of("messageIds", java.util.List.of(foreign)))), 400, "VALIDATION_FAILED");
		assertError(api().post("/api/disputes/" + id + "/evidence", this.otherPerformer.token(),
				Api.json(Map.of("messageIds", java.util.List.of(messageId)))), 403, "FORBIDDEN");
		// Cited messages are held with the whole conversation while the dispute is open.
		assertError(api().post("/api/conversations/" + this.room + "/clean", this.moderator.token(), null), 409,
				"LEGAL_HOLD");
		assertThat(api().get("/api/conversations/" + this.room + "/messages", this.customer.token()).text())
			.contains("I will not pay");
	}

	private Response register(Person customer, Person performer) {
		Response created = api().post("/api/orders/external", this.admin.token(),
				Api.json(Map.of("externalId", "dispute-" + UUID.randomUUID(), "customer",
						Map.of("id", customer.id(), "name", customer.name()), "performer",
						Map.of("id", performer.id(), "name", performer.name()))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	private Response open(Person person, String orderId, String reason) {
		return api().post("/api/orders/" + orderId + "/disputes", person.token(), Api.json(Map.of("reason", reason)));
	}

	static void assertError(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
		assertThat(response.body().path("error").path("message").asString()).isNotBlank();
	}

}
