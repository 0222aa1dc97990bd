package io.orderchat.realtime.protocol;

import java.util.Map;
import java.util.UUID;

import io.orderchat.disputes.DisputeStatus;
import io.orderchat.disputes.DisputeStatusChanged;
import io.orderchat.identity.Role;
import io.orderchat.orders.ExternalOrder;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.OrderStatus;
import io.orderchat.orders.OrderStatusChanged;
import io.orderchat.orders.Party;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds 001 and 002's REST paths as DIALECTS.md §2.3 and §3.3 give them (their envelopes,
 * per-user unread counts of other users' chat messages), and the host API's own status
 * names (§0.7). The socket side: e2e/seeds, run by RealtimeProtocolIT.
 */
class SeedDialectsIT extends IntegrationTest {

	@Autowired
	OrderManagement orders;

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Sid Shopper", Role.PERFORMER);

	final Person stranger = person("Xavier Stranger", Role.CUSTOMER);

	final Person host = person("Host Service", Role.ADMIN);

	String externalId;

	String orderId;

	@BeforeEach
	void anExternalOrder() {
		this.externalId = "b2s-" + UUID.randomUUID();
		this.orderId = this.orders
			.registerExternal(this.host.caller(),
					new ExternalOrder(this.externalId, new Party(this.customer.id(), this.customer.name()),
							new Party(this.performer.id(), this.performer.name()), "Groceries", null))
			.order()
			.id()
			.toString();
	}

	@Test
	void seed002SendsListsReadsAndDeletesInTheAppsEnvelopes() {
		Response sent = api().post("/api/chat/messages", this.performer.token(), Api.json(Map.of("orderId",
				this.externalId, "message", "Hello, how is my order?", "messageType", "text", "senderType", "user")));

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.body().path("status").asInt()).isEqualTo(201);
		JsonNode message = sent.data();
		assertThat(message.path("id").asString()).isNotBlank();
		assertThat(message.path("message").asString()).isEqualTo("Hello, how is my order?");
		assertThat(message.path("messageType").asString()).isEqualTo("text");
		assertThat(message.path("senderType").asString()).isEqualTo("user");
		assertThat(message.path("orderId").asString()).isEqualTo(this.externalId);
		assertThat(message.path("user").path("id").asString()).isEqualTo(this.performer.id());
		assertThat(message.path("user").has("email")).isTrue();
		assertThat(message.path("createdAt").asString()).isNotBlank();
		assertThat(message.path("updatedAt").asString()).isNotBlank();

		Response page = api().get("/api/chat/orders/" + this.orderId + "/messages?page=1&limit=50",
				this.customer.token());
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.data().size()).isEqualTo(2);
		assertThat(page.data().get(0).path("senderType").asString()).isEqualTo("system");
		assertThat(page.data().get(0).path("user").path("id").isNull()).isTrue();
		assertThat(page.data().get(1).path("isRead").asBoolean()).isFalse();
		assertThat(page.body().path("meta").path("totalItems").asLong()).isEqualTo(2);
		assertThat(page.body().path("meta").path("totalPages").asLong()).isEqualTo(1);
		Response older = api().get("/api/chat/orders/" + this.orderId + "/messages?page=2&limit=1",
				this.customer.token());
		assertThat(older.data().get(0).path("senderType").asString()).isEqualTo("system");
		assertThat(older.body().path("meta").path("currentPage").asInt()).isEqualTo(2);

		Response unread = api().get("/api/chat/orders/" + this.orderId + "/unread-count", this.customer.token());
		assertThat(unread.data().path("count").asLong()).as("the system message does not count").isEqualTo(1);
		Response chats = api().get("/api/chat/orders", this.customer.token());
		JsonNode chat = chats.data().path("orderChats").get(0);
		assertThat(chat.path("order").path("_id").asString()).as("the id the app knows the order by")
			.isEqualTo(this.externalId);
		assertThat(chat.path("unreadCount").asLong()).isEqualTo(1);
		assertThat(chat.path("lastMessage").path("message").asString()).isEqualTo("Hello, how is my order?");
		assertThat(chats.data().path("total").asLong()).isEqualTo(1);
		assertThat(chats.data().path("hasMore").asBoolean()).isFalse();

		Response read = api().patch("/api/chat/orders/" + this.orderId + "/read", this.customer.token(), null);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.body().has("data")).isTrue();
		assertThat(read.body().path("data").isNull()).isTrue();
		assertThat(api().get("/api/chat/orders/" + this.orderId + "/unread-count", this.customer.token())
			.data()
			.path("count")
			.asLong()).isZero();

		String id = message.path("id").asString();
		Response refused = api().delete("/api/chat/messages/" + id, this.customer.token());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().path("success").asBoolean()).isFalse();
		assertThat(refused.body().path("status").asInt()).isEqualTo(403);
		assertThat(refused.body().path("data").isObject()).isTrue();
		Response deleted = api().delete("/api/chat/messages/" + id, this.performer.token());
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(api().get("/api/chat/orders/" + this.orderId + "/messages", this.customer.token()).data().size())
			.isEqualTo(1);
		assertThat(api().delete("/api/chat/messages/" + UUID.randomUUID(), this.performer.token()).status())
			.isEqualTo(404);
	}

	@Test
	void seed001ShowsOnlyUsersMessagesAndCountsOnlyOthersUnread() {
		api().post("/api/chat/messages", this.performer.token(),
				Api.json(Map.of("orderId", this.orderId, "message", "Found your items")));

		assertThat(api().get("/api/v0/chat/unread?orderId=" + this.externalId, this.customer.token())
			.body()
			.path("data")
			.path("count")
			.asLong()).as("the performer's message, not the system's").isEqualTo(1);
		assertThat(api().get("/api/v0/chat/unread", this.customer.token()).body().path("data").path("count").asLong())
			.isEqualTo(1);
		assertThat(api().get("/api/v0/chat/unread?orderId=" + this.orderId, this.performer.token())
			.body()
			.path("data")
			.path("count")
			.asLong()).as("one's own messages never count").isZero();

		Response messages = api().get("/api/v0/chat/messages/" + this.orderId, this.customer.token());
		assertThat(messages.status()).as(messages.toString()).isEqualTo(200);
		assertThat(messages.body().path("status").asString()).isEqualTo("success");
		assertThat(messages.body().path("message").asString()).isNotBlank();
		JsonNode list = messages.body().path("data").path("messages");
		assertThat(list.size()).as("no system messages").isEqualTo(1);
		JsonNode last = list.get(0);
		assertThat(last.path("message").asString()).isEqualTo("Found your items");
		assertThat(last.path("sender").path("id").asString()).isEqualTo(this.performer.id());
		assertThat(last.path("sender").path("name").asString()).isEqualTo(this.performer.name());
		assertThat(last.path("sender").path("type").asString()).isEqualTo("performer");
		assertThat(last.path("isRead").asBoolean()).isFalse();
		assertThat(api().get("/api/v0/chat/unread?orderId=" + this.orderId, this.customer.token())
			.body()
			.path("data")
			.path("count")
			.asLong()).as("reading the history marks it read").isZero();
		// The performer sees their own message as read once the customer has read it.
		assertThat(api().get("/api/v0/chat/messages/" + this.orderId, this.performer.token())
			.body()
			.path("data")
			.path("messages")
			.get(0)
			.path("isRead")
			.asBoolean()).isTrue();

		api().post("/api/chat/messages", this.performer.token(),
				Api.json(Map.of("orderId", this.orderId, "message", "Paying now")));
		Response read = api().post("/api/v0/chat/read/" + this.orderId, this.customer.token(), null);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.body().path("status").asString()).isEqualTo("success");
		assertThat(api().get("/api/v0/chat/unread", this.customer.token()).body().path("data").path("count").asLong())
			.isZero();
	}

	@Test
	void refusesStrangersModeratorsAndUnknownOrdersInEachAppsEnvelope() {
		Person moderator = person("Mo Moderator", Role.MODERATOR);
		for (Person outsider : new Person[] { this.stranger, moderator }) {
			Response busy2shop = api().get("/api/v0/chat/messages/" + this.orderId, outsider.token());
			assertThat(busy2shop.status()).isEqualTo(403);
			assertThat(busy2shop.body().path("status").asString()).isEqualTo("error");
			assertThat(busy2shop.body().path("error").asBoolean()).isTrue();
			assertThat(busy2shop.body().path("message").asString()).isNotBlank();
			Response dispatcher = api().post("/api/chat/messages", outsider.token(),
					Api.json(Map.of("orderId", this.orderId, "message", "hi")));
			assertThat(dispatcher.status()).isEqualTo(403);
			assertThat(dispatcher.body().path("success").asBoolean()).isFalse();
			assertThat(dispatcher.body().path("data").isObject()).isTrue();
			assertThat(api().get("/api/chat/orders/" + this.orderId + "/unread-count", outsider.token()).status())
				.isEqualTo(403);
		}
		Response unknown = api().get("/api/v0/chat/messages/no-such-order", this.customer.token());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body().path("status").asString()).isEqualTo("error");
		Response missing = api().post("/api/chat/messages", this.customer.token(), "{\"message\":\"hi\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().path("status").asInt()).isEqualTo(400);
		assertThat(missing.body().path("message").asString()).isNotBlank();
		assertThat(api().get("/api/v0/chat/unread", null).body().path("error").asBoolean()).isTrue();
		assertThat(api().get("/api/chat/orders", null).body().path("status").asInt()).isEqualTo(401);
	}

	@Test
	void theHostApiTakesTheHostsOwnStatusNamesAndTheEventsCarryThem() {
		Response changed = api().patch("/api/orders/" + this.externalId + "/status", this.host.token(),
				Api.json(Map.of("status", "in_transit", "updatedBy", this.performer.id())));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.data().path("status").asString()).isEqualTo("processing");
		OrderStatusChanged event = this.events.of(OrderStatusChanged.class)
			.stream()
			.filter((e) -> e.orderId().toString().equals(this.orderId))
			.findFirst()
			.orElseThrow();
		assertThat(event.to()).isEqualTo(OrderStatus.PROCESSING);
		assertThat(event.statusName()).isEqualTo("in_transit");
		assertThat(event.byUserId()).isEqualTo(this.performer.id());

		Response renamed = api().patch("/api/orders/" + this.externalId + "/status", this.host.token(),
				Api.json(Map.of("status", "picked_up")));
		assertThat(renamed.status()).as("another host name of processing").isEqualTo(200);
		assertThat(renamed.data().path("statusName").asString()).isEqualTo("picked_up");
		assertThat(api().get("/api/orders/" + this.externalId, this.host.token()).data().path("statusName").asString())
			.as("the host's name is stored, not only sent")
			.isEqualTo("picked_up");
		assertThat(this.events.of(OrderStatusChanged.class)
			.stream()
			.filter((e) -> e.orderId().toString().equals(this.orderId))
			.map(OrderStatusChanged::statusName)).containsExactly("in_transit", "picked_up");
		assertThat(api()
			.patch("/api/orders/" + this.externalId + "/status", this.customer.token(),
					Api.json(Map.of("status", "in_progress")))
			.status()).as("renaming takes who could have moved it there").isEqualTo(403);
		assertThat(api()
			.patch("/api/orders/" + this.externalId + "/status", this.host.token(),
					Api.json(Map.of("status", "processing")))
			.status()).as("OrderChat's own name of the current status").isEqualTo(409);

		Response unknown = api().patch("/api/orders/" + this.externalId + "/status", this.host.token(),
				Api.json(Map.of("status", "teleported")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().path("message").asString()).contains("in_transit", "processing");
		Response notAdmin = api().patch("/api/orders/" + this.externalId + "/status", this.customer.token(),
				Api.json(Map.of("status", "cancelled", "updatedBy", this.performer.id())));
		assertThat(notAdmin.status()).as("only the host's service token names someone else").isEqualTo(403);

		Response opened = api().post("/api/orders/" + this.orderId + "/disputes", this.customer.token(),
				Api.json(Map.of("reason", "late")));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		String disputeId = opened.data().path("id").asString();
		Response reviewing = api().patch("/api/disputes/" + disputeId + "/status", this.host.token(),
				Api.json(Map.of("status", "under_review", "updatedBy", this.customer.id())));
		assertThat(reviewing.status()).as(reviewing.toString()).isEqualTo(200);
		assertThat(reviewing.data().path("status").asString()).isEqualTo("in_review");
		DisputeStatusChanged disputeEvent = this.events.of(DisputeStatusChanged.class)
			.stream()
			.filter((e) -> e.dispute().id().toString().equals(disputeId))
			.findFirst()
			.orElseThrow();
		assertThat(disputeEvent.to()).isEqualTo(DisputeStatus.IN_REVIEW);
		assertThat(disputeEvent.statusName()).isEqualTo("under_review");
		assertThat(disputeEvent.byUserId()).isEqualTo(this.customer.id());
		assertThat(api()
			.patch("/api/disputes/" + disputeId + "/status", this.host.token(), Api.json(Map.of("status", "pondering")))
			.status()).isEqualTo(400);
	}

}
