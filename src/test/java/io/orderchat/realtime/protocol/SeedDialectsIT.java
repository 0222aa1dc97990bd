package io.orderchat.realtime.protocol;

import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.orders.ExternalOrder;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.Party;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SeedDialectsIT extends IntegrationTest {

	@Autowired
	OrderManagement orders;

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Sid Shopper", Role.PERFORMER);

	final Person stranger = person("Xavier Stranger", Role.CUSTOMER);

	String externalId;

	String orderId;

	@BeforeEach
	void anExternalOrder() {
		this.externalId = "b2s-" + UUID.randomUUID();
		this.orderId = this.orders
			.registerExternal(person("Ada Admin", Role.ADMIN).caller(),
					new ExternalOrder(this.externalId, new Party(this.customer.id(), this.customer.name()),
							new Party(this.performer.id(), this.performer.name()), "Groceries", null))
			.order()
			.id()
			.toString();
	}

	@Test
	void seed002SendsListsReadsAndDeletesByOrder() {
		Response sent = api().post("/api/chat/messages", this.performer.token(), Api.json(Map.of("orderId",
				this.externalId, "message", "Hello, how is my order?", "messageType", "text", "senderType", "user")));

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		JsonNode message = sent.data();
		assertThat(message.path("_id").asString()).isNotBlank();
		assertThat(message.path("message").asString()).isEqualTo("Hello, how is my order?");
		assertThat(message.path("messageType").asString()).isEqualTo("text");
		assertThat(message.path("orderId").asString()).isEqualTo(this.externalId);
		assertThat(message.path("sender").asString()).isEqualTo(this.performer.id());
		assertThat(message.path("timestamp").asString()).isNotBlank();

		Response page = api().get("/api/chat/orders/" + this.orderId + "/messages?page=1&limit=50",
				this.customer.token());
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.data().path("messages").size()).isEqualTo(2);
		assertThat(page.data().path("messages").get(0).path("senderType").asString()).isEqualTo("system");
		assertThat(page.data().path("messages").get(1).path("isRead").asBoolean()).isFalse();
		assertThat(page.data().path("pagination").path("total").asLong()).isEqualTo(2);
		Response older = api().get("/api/chat/orders/" + this.orderId + "/messages?page=2&limit=1",
				this.customer.token());
		assertThat(older.data().path("messages").get(0).path("senderType").asString()).isEqualTo("system");

		Response unread = api().get("/api/chat/orders/" + this.orderId + "/unread-count", this.customer.token());
		assertThat(unread.data().path("unreadCount").asLong()).isEqualTo(2);
		Response chats = api().get("/api/chat/orders", this.customer.token());
		assertThat(chats.data().get(0).path("orderId").asString()).isEqualTo(this.orderId);
		assertThat(chats.data().get(0).path("unreadCount").asLong()).isEqualTo(2);
		assertThat(chats.data().get(0).path("status").asString()).isEqualTo("pending");

		Response read = api().patch("/api/chat/orders/" + this.orderId + "/read", this.customer.token(), null);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.data().path("unreadCount").asLong()).isZero();

		String id = message.path("_id").asString();
		assertThat(api().delete("/api/chat/messages/" + id, this.customer.token()).status()).isEqualTo(403);
		Response deleted = api().delete("/api/chat/messages/" + id, this.performer.token());
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.data().path("orderId").asString()).isEqualTo(this.orderId);
		assertThat(api().get("/api/chat/orders/" + this.orderId + "/messages", this.customer.token())
			.data()
			.path("messages")
			.size()).isEqualTo(1);
	}

	@Test
	void seed001ReadsHistoryUnreadAndMarksRead() {
		api().post("/api/chat/messages", this.performer.token(),
				Api.json(Map.of("orderId", this.orderId, "message", "Found your items")));

		Response messages = api().get("/api/v0/chat/messages/" + this.orderId, this.customer.token());
		assertThat(messages.status()).as(messages.toString()).isEqualTo(200);
		assertThat(messages.data().size()).isEqualTo(2);
		JsonNode last = messages.data().get(1);
		assertThat(last.path("message").asString()).isEqualTo("Found your items");
		assertThat(last.path("senderId").asString()).isEqualTo(this.performer.id());
		assertThat(last.path("senderType").asString()).isEqualTo("performer");
		assertThat(last.path("isRead").asBoolean()).isFalse();

		assertThat(api().get("/api/v0/chat/unread?orderId=" + this.externalId, this.customer.token())
			.data()
			.path("unreadCount")
			.asLong()).isEqualTo(2);
		assertThat(api().get("/api/v0/chat/unread", this.customer.token()).data().path("unreadCount").asLong())
			.isEqualTo(2);

		Response read = api().post("/api/v0/chat/read/" + this.orderId, this.customer.token(), null);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.data().path("unreadCount").asLong()).isZero();
		assertThat(api().get("/api/v0/chat/messages/" + this.orderId, this.customer.token())
			.data()
			.get(1)
			.path("isRead")
			.asBoolean()).isTrue();
		// The performer sees their own message as read once the customer has read it.
		assertThat(api().get("/api/v0/chat/messages/" + this.orderId, this.performer.token())
			.data()
			.get(1)
			.path("isRead")
			.asBoolean()).isTrue();
	}

	@Test
	void refusesStrangersAndUnknownOrders() {
		assertThat(api().get("/api/v0/chat/messages/" + this.orderId, this.stranger.token()).status()).isEqualTo(403);
		assertThat(api().get("/api/chat/orders/" + this.orderId + "/unread-count", this.stranger.token()).status())
			.isEqualTo(403);
		assertThat(api()
			.post("/api/chat/messages", this.stranger.token(),
					Api.json(Map.of("orderId", this.orderId, "message", "hi")))
			.status()).isEqualTo(403);
		assertThat(api().get("/api/v0/chat/messages/no-such-order", this.customer.token()).status()).isEqualTo(404);
		assertThat(api().post("/api/chat/messages", this.customer.token(), "{\"message\":\"hi\"}").status())
			.isEqualTo(400);
	}

}
