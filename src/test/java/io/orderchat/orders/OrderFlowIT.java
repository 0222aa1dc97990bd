package io.orderchat.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFlowIT extends IntegrationTest {

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person moderator = person("Mona Moderator", Role.MODERATOR);

	final Person stranger = person("Xavier Stranger", Role.CUSTOMER);

	final Person admin = person("Ada Admin", Role.ADMIN);

	@Test
	void placingAnOrderOpensItsConversationWithASystemMessage() {
		Response created = api().post("/api/orders", this.customer.token(),
				"{\"exchangeMethod\":\"cash\",\"amount\":100,\"notes\":\"fast please\"}");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.body().path("success").asBoolean()).isTrue();
		JsonNode order = created.data().path("order");
		String orderId = order.path("_id").asString();
		assertThat(order.path("id").asString()).isEqualTo(orderId);
		assertThat(order.path("status").asString()).isEqualTo("pending");
		assertThat(order.path("customerId").asString()).isEqualTo(this.customer.id());
		assertThat(order.path("exchangeMethod").asString()).isEqualTo("cash");
		assertThat(order.path("amount").asInt()).isEqualTo(100);
		assertThat(order.path("notes").asString()).isEqualTo("fast please");
		assertThat(order.path("createdAt").asString()).isNotBlank();
		String chatRoomId = created.data().path("chatRoomId").asString();

		Response conversation = api().get("/api/conversations/" + chatRoomId, this.customer.token());

		assertThat(conversation.status()).as(conversation.toString()).isEqualTo(200);
		assertThat(conversation.data().path("conversation").path("kind").asString()).isEqualTo("order");
		assertThat(conversation.data().path("conversation").path("subjectId").asString()).isEqualTo(orderId);
		JsonNode first = conversation.data().path("messages").get(0);
		assertThat(first.path("type").asString()).isEqualTo("system");
		assertThat(first.path("seq").asLong()).isEqualTo(1);
		assertThat(first.path("content").asString()).isEqualTo("Order created");
		assertThat(conversation.data().path("participants").get(0).path("userId").asString())
			.isEqualTo(this.customer.id());
		assertThat(this.events.of(OrderCreated.class))
			.anyMatch((event) -> event.order().id().toString().equals(orderId));
	}

	@Test
	void strangersAreRefusedEverywhere() {
		Response created = place(this.customer);
		String orderId = created.data().path("order").path("id").asString();
		String conversation = created.data().path("chatRoomId").asString();
		String token = this.stranger.token();

		assertForbidden(api().get("/api/orders/" + orderId, token));
		assertForbidden(api().get("/api/conversations/" + conversation, token));
		assertForbidden(api().get("/api/conversations/" + conversation + "/messages", token));
		assertForbidden(api().post("/api/conversations/" + conversation + "/messages", token, "{\"content\":\"hi\"}"));
		assertForbidden(api().post("/api/conversations/" + conversation + "/read", token, "{}"));
		// Seed 001's own error envelope (DIALECTS.md §2.3): {status: "error", error:
		// true, message}
		Response busy2shop = api().get("/api/v0/chat/messages/" + orderId, token);
		assertThat(busy2shop.status()).as(busy2shop.toString()).isEqualTo(403);
		assertThat(busy2shop.body().path("status").asString()).isEqualTo("error");
		assertThat(busy2shop.body().path("error").asBoolean()).isTrue();
		assertForbidden(api().patch("/api/orders/" + orderId + "/status", token, "{\"status\":\"cancelled\"}"));
	}

	@Test
	void everyStatusChangePostsASystemMessage() {
		Response created = place(this.customer);
		String orderId = created.data().path("order").path("id").asString();
		String conversation = created.data().path("chatRoomId").asString();

		Response accepted = api().patch("/api/orders/" + orderId + "/status", this.moderator.token(),
				"{\"status\":\"processing\",\"notes\":\"on it\"}");
		Response completed = api().patch("/api/orders/" + orderId + "/status", this.moderator.token(),
				"{\"status\":\"completed\"}");

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.data().path("status").asString()).isEqualTo("processing");
		assertThat(accepted.data().path("moderatorId").asString()).isEqualTo(this.moderator.id());
		assertThat(completed.data().path("status").asString()).isEqualTo("completed");
		JsonNode messages = api().get("/api/conversations/" + conversation + "/messages", this.customer.token())
			.data()
			.path("messages");
		List<String> system = new ArrayList<>();
		for (JsonNode message : messages) {
			assertThat(message.path("type").asString()).isEqualTo("system");
			system.add(message.path("content").asString());
		}
		assertThat(system).containsExactly("Order created", "Mona Moderator joined the chat as moderator",
				"Order status changed from pending to processing by Mona Moderator: on it",
				"Order status changed from processing to completed by Mona Moderator");
		assertThat(messages.get(2).path("metadata").path("to").asString()).isEqualTo("processing");
		List<OrderStatusChanged> changes = this.events.of(OrderStatusChanged.class)
			.stream()
			.filter((event) -> event.orderId().toString().equals(orderId))
			.toList();
		assertThat(changes).extracting(OrderStatusChanged::to)
			.containsExactly(OrderStatus.PROCESSING, OrderStatus.COMPLETED);
		assertThat(changes.getFirst().notes()).isEqualTo("on it");
		assertThat(changes.getFirst().byUserId()).isEqualTo(this.moderator.id());
		// The moderator who accepted is now a participant: the order is among theirs.
		assertThat(api().get("/api/orders/my-orders", this.moderator.token()).data().toString()).contains(orderId);
	}

	@Test
	void refusesIllegalTransitionsWith409AndUnauthorisedOnesWith403() {
		String orderId = place(this.customer).data().path("order").path("id").asString();
		String path = "/api/orders/" + orderId + "/status";

		Response complete = api().patch(path, this.moderator.token(), "{\"status\":\"completed\"}");
		assertThat(complete.status()).as(complete.toString()).isEqualTo(409);
		assertThat(complete.errorCode()).isEqualTo("ILLEGAL_TRANSITION");
		assertForbidden(api().patch(path, this.customer.token(), "{\"status\":\"processing\"}"));
		assertForbidden(api().patch(path, this.moderator.token(), "{\"status\":\"cancelled\"}"));
		Response unknown = api().patch(path, this.customer.token(), "{\"status\":\"done\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorCode()).isEqualTo("VALIDATION_FAILED");

		assertThat(api().patch(path, this.customer.token(), "{\"status\":\"cancelled\"}").status()).isEqualTo(200);
		Response afterCancel = api().patch(path, this.moderator.token(), "{\"status\":\"processing\"}");
		assertThat(afterCancel.status()).isEqualTo(409);
		assertThat(afterCancel.body().path("error").path("message").asString()).contains("cancelled");
	}

	@Test
	void listsMyOrdersByStatusAndAllOrdersForStaff() {
		String kept = place(this.customer).data().path("order").path("id").asString();
		String cancelled = place(this.customer).data().path("order").path("id").asString();
		api().patch("/api/orders/" + cancelled + "/status", this.customer.token(), "{\"status\":\"cancelled\"}");

		assertThat(ids(api().get("/api/orders/my-orders", this.customer.token()))).containsExactly(cancelled, kept);
		assertThat(ids(api().get("/api/orders/my-orders/cancelled", this.customer.token()))).containsExactly(cancelled);
		assertThat(ids(api().get("/api/orders/my-orders/pending", this.stranger.token()))).isEmpty();
		assertThat(api().get("/api/orders/my-orders/bogus", this.customer.token()).status()).isEqualTo(400);
		assertForbidden(api().get("/api/orders/all", this.customer.token()));
		assertThat(ids(api().get("/api/orders/all?status=cancelled", this.moderator.token()))).contains(cancelled)
			.doesNotContain(kept);
		assertThat(ids(api().get("/api/orders/all", this.moderator.token()))).contains(cancelled, kept);
	}

	@Test
	void registersAnExternalOrderOnceAndHandsItToAnotherPerformer() {
		Person performer = person("Pete Performer", Role.PERFORMER);
		Person next = person("Paula Performer", Role.PERFORMER);
		String externalId = "ext-" + UUID.randomUUID();
		String body = Api.json(java.util.Map.of("externalId", externalId, "customer",
				java.util.Map.of("id", this.customer.id(), "name", this.customer.name()), "performer",
				java.util.Map.of("id", performer.id(), "name", performer.name()), "title", "Groceries", "amount",
				42.5));

		Response first = api().post("/api/orders/external", this.admin.token(), body);
		Response second = api().post("/api/orders/external", this.admin.token(), body);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.data().path("created").asBoolean()).isFalse();
		String orderId = first.data().path("order").path("id").asString();
		assertThat(second.data().path("order").path("id").asString()).isEqualTo(orderId);
		assertThat(first.data().path("order").path("externalId").asString()).isEqualTo(externalId);
		assertThat(first.data().path("order").path("amount").asDouble()).isEqualTo(42.5);
		assertForbidden(api().post("/api/orders/external", this.customer.token(), body));
		String conversation = first.data().path("chatRoomId").asString();
		assertThat(api().get("/api/orders/" + externalId, this.customer.token()).data().path("id").asString())
			.isEqualTo(orderId);
		assertThat(api()
			.post("/api/conversations/" + conversation + "/messages", performer.token(), "{\"content\":\"On my way\"}")
			.status()).isEqualTo(201);

		Response handed = api().put("/api/orders/" + externalId + "/performer", this.admin.token(),
				Api.json(java.util.Map.of("performer", java.util.Map.of("id", next.id(), "name", next.name()))));

		assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
		assertThat(handed.data().path("performerId").asString()).isEqualTo(next.id());
		assertForbidden(api().get("/api/conversations/" + conversation, performer.token()));
		assertForbidden(api().post("/api/conversations/" + conversation + "/messages", performer.token(),
				"{\"content\":\"still here?\"}"));
		assertForbidden(api().get("/api/orders/" + orderId, performer.token()));
		Response view = api().get("/api/conversations/" + conversation, next.token());
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.data().toString()).contains("Pete Performer is no longer the performer")
			.contains("Paula Performer is now the performer");
		assertForbidden(api().put("/api/orders/" + orderId + "/performer", this.customer.token(),
				"{\"performer\":{\"id\":\"x\",\"name\":\"X\"}}"));
	}

	@Test
	void registersAnExternalOrderOnceUnderConcurrentCalls() throws Exception {
		String body = Api.json(java.util.Map.of("externalId", "race-" + UUID.randomUUID(), "customer",
				java.util.Map.of("id", this.customer.id(), "name", this.customer.name())));
		CyclicBarrier start = new CyclicBarrier(4);
		Callable<Response> register = () -> {
			start.await();
			return api().post("/api/orders/external", this.admin.token(), body);
		};
		List<Response> responses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				futures.add(pool.submit(register));
			}
			for (Future<Response> future : futures) {
				responses.add(future.get());
			}
		}

		assertThat(responses).extracting(Response::status).containsOnly(200, 201);
		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
		assertThat(responses).extracting((response) -> response.data().path("order").path("id").asString())
			.containsOnly(responses.getFirst().data().path("order").path("id").asString());
	}

	private Response place(Person person) {
		Response created = api().post("/api/orders", person.token(), "{\"exchangeMethod\":\"card\",\"amount\":10}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	private static List<String> ids(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.data().forEach((order) -> ids.add(order.path("id").asString()));
		return ids;
	}

	static void assertForbidden(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(response.body().path("success").asBoolean()).isFalse();
	}

}
