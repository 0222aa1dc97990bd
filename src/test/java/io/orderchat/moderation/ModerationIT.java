package io.orderchat.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.conversations.ConversationCleaned;
import io.orderchat.conversations.InternalNoteAdded;
import io.orderchat.conversations.MessagePosted;
import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class ModerationIT extends IntegrationTest {

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Pete Performer", Role.PERFORMER);

	final Person moderator = person("Mona Moderator", Role.MODERATOR);

	final Person moderator2 = person("Max Moderator", Role.MODERATOR);

	final Person moderator3 = person("Mia Moderator", Role.MODERATOR);

	final Person admin = person("Ada Admin", Role.ADMIN);

	@Autowired
	JdbcClient jdbc;

	String orderId;

	String room;

	@BeforeEach
	void placeAnOrderWithAPerformer() {
		Response created = api().post("/api/orders/external", this.admin.token(),
				Api.json(Map.of("externalId", "mod-" + UUID.randomUUID(), "customer",
						Map.of("id", this.customer.id(), "name", this.customer.name()), "performer",
						Map.of("id", this.performer.id(), "name", this.performer.name()))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.orderId = created.data().path("order").path("id").asString();
		this.room = created.data().path("chatRoomId").asString();
		// Transfer targets must be known to the server: they have called it once.
		for (Person person : List.of(this.moderator, this.moderator2, this.moderator3)) {
			api().get("/api/orders/my-orders", person.token());
		}
	}

	@Test
	void pendingOrdersQueueForModeratorsOnly() {
		Response queue = api().get("/api/moderation/queue", this.moderator.token());

		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		assertThat(queue.data().toString()).contains(this.orderId);
		assertError(api().get("/api/moderation/queue", this.customer.token()), 403, "FORBIDDEN");
	}

	@Test
	void aModeratorAcceptsAnOrderAndJoinsItsChat() {
		Response accepted = api().post("/api/orders/" + this.room + "/accept", this.moderator.token(), null);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.data().path("status").asString()).isEqualTo("processing");
		assertThat(accepted.data().path("moderatorId").asString()).isEqualTo(this.moderator.id());
		assertThat(participants()).contains(this.moderator.id());
		assertThat(systemTexts(this.customer)).contains("Mona Moderator joined the chat as moderator");
		assertThat(this.events.of(OrderAccepted.class))
			.anyMatch((e) -> e.orderId().toString().equals(this.orderId) && e.moderatorName().equals("Mona Moderator"));
		assertThat(api().get("/api/moderation/queue", this.moderator.token()).data().toString())
			.doesNotContain(this.orderId);
	}

	@Test
	void aCustomerCannotAcceptAnOrder() {
		assertError(api().post("/api/orders/" + this.orderId + "/accept", this.customer.token(), null), 403,
				"FORBIDDEN");
		assertError(api().post("/api/orders/" + this.orderId + "/accept", this.performer.token(), null), 403,
				"FORBIDDEN");
		api().post("/api/orders/" + this.orderId + "/accept", this.moderator.token(), null);
		assertError(api().post("/api/orders/" + this.orderId + "/accept", this.moderator2.token(), null), 409,
				"ILLEGAL_TRANSITION");
	}

	@Test
	void onlyTheTargetModeratorCanAcceptATransfer() {
		accept();
		Response initiated = api().post("/api/orders/" + this.room + "/transfer", this.moderator.token(),
				Api.json(Map.of("toModeratorId", this.moderator2.id())));
		assertThat(initiated.status()).as(initiated.toString()).isEqualTo(201);
		assertThat(initiated.data().path("status").asString()).isEqualTo("pending");
		assertThat(initiated.data().path("toName").asString()).isEqualTo("Max Moderator");

		assertError(api().post("/api/orders/" + this.room + "/transfer/accept", this.moderator3.token(), null), 403,
				"FORBIDDEN");
		assertError(api().post("/api/orders/" + this.room + "/transfer/accept", this.moderator.token(), null), 403,
				"FORBIDDEN");
		assertError(api().post("/api/orders/" + this.room + "/transfer/accept", this.customer.token(), null), 403,
				"FORBIDDEN");
		Response accepted = api().post("/api/orders/" + this.room + "/transfer/accept", this.moderator2.token(), null);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.data().path("status").asString()).isEqualTo("accepted");
		JsonNode order = api().get("/api/orders/" + this.orderId, this.admin.token()).data();
		assertThat(order.path("moderatorId").asString()).isEqualTo(this.moderator2.id());
		assertThat(participants()).contains(this.moderator2.id()).doesNotContain(this.moderator.id());
		assertThat(systemTexts(this.customer)).contains(
				"Chat is being transferred from Mona Moderator to Max Moderator", "Mona Moderator left the chat",
				"Max Moderator joined the chat as moderator");
		assertThat(this.events.of(ModeratorChanged.class))
			.anyMatch((e) -> e.transfer().orderId().toString().equals(this.orderId));
		// Decided once: a second accept finds nothing pending.
		assertError(api().post("/api/orders/" + this.room + "/transfer/accept", this.moderator2.token(), null), 409,
				"ILLEGAL_TRANSITION");
	}

	@Test
	void theTargetMayDeclineAndTheChatStays() {
		accept();
		api().post("/api/orders/" + this.orderId + "/transfer", this.moderator.token(),
				Api.json(Map.of("toModeratorId", this.moderator2.id())));
		assertError(api().post("/api/orders/" + this.orderId + "/transfer", this.moderator.token(),
				Api.json(Map.of("toModeratorId", this.moderator3.id()))), 409, "CONFLICT");

		Response declined = api().post("/api/orders/" + this.orderId + "/transfer/decline", this.moderator2.token(),
				null);

		assertThat(declined.data().path("status").asString()).isEqualTo("declined");
		assertThat(api().get("/api/orders/" + this.orderId, this.admin.token()).data().path("moderatorId").asString())
			.isEqualTo(this.moderator.id());
	}

	@Test
	void transfersAreRefusedToStrangersAndFromNonModerators() {
		accept();
		assertError(api().post("/api/orders/" + this.orderId + "/transfer", this.moderator2.token(),
				Api.json(Map.of("toModeratorId", this.moderator3.id()))), 403, "FORBIDDEN");
		assertError(api().post("/api/orders/" + this.orderId + "/transfer", this.moderator.token(),
				Api.json(Map.of("toModeratorId", this.customer.id()))), 404, "NOT_FOUND");
		assertError(api().post("/api/orders/" + this.orderId + "/transfer", this.moderator.token(), "{}"), 400,
				"VALIDATION_FAILED");
	}

	@Test
	void cleaningRemovesMessagesAndImagesAndIsAudited() {
		accept();
		send(this.customer, "hello");
		send(this.performer, "hi there");
		insertImage(this.customer);

		Response cleaned = api().post("/api/conversations/" + this.room + "/clean", this.moderator.token(), null);

		assertThat(cleaned.status()).as(cleaned.toString()).isEqualTo(200);
		assertThat(cleaned.data().path("messagesRemoved").asInt()).isEqualTo(3);
		assertThat(cleaned.data().path("imagesDeleted").asInt()).isEqualTo(1);
		assertThat(cleaned.data().path("moderator").path("name").asString()).isEqualTo("Mona Moderator");
		JsonNode messages = history(this.customer);
		for (JsonNode message : messages) {
			if (!message.path("type").asString().equals("system")) {
				assertThat(message.path("deletedAt").isNull()).as(message.toString()).isFalse();
				assertThat(message.path("content").isNull()).isTrue();
			}
		}
		assertThat(systemTexts(this.customer)).contains("Chat history cleaned by Mona Moderator");
		assertThat(this.events.of(ConversationCleaned.class))
			.anyMatch((e) -> e.conversationId().toString().equals(this.room) && e.removedMessageIds().size() == 3
					&& e.imagesRemoved() == 1);
		Response audit = api().get("/api/admin/audit?conversationId=" + this.room, this.admin.token());
		assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
		JsonNode clean = null;
		for (JsonNode entry : audit.data()) {
			if (entry.path("action").asString().equals("conversation.cleaned")) {
				clean = entry;
			}
		}
		assertThat(clean).as(audit.toString()).isNotNull();
		assertThat(clean.path("actorId").asString()).isEqualTo(this.moderator.id());
		assertThat(clean.path("messagesRemoved").asInt()).isEqualTo(3);
		assertThat(clean.path("imagesRemoved").asInt()).isEqualTo(1);
		assertThat(clean.path("at").asString()).isNotBlank();
		assertThat(audit.data().toString()).contains("order.accepted", "order.status_changed");
		assertError(api().get("/api/admin/audit", this.moderator.token()), 403, "FORBIDDEN");
	}

	@Test
	void cleaningIsRefusedToOthersAndUnderAnOpenDispute() {
		accept();
		send(this.customer, "the money never arrived");
		assertError(api().post("/api/conversations/" + this.room + "/clean", this.customer.token(), null), 403,
				"FORBIDDEN");
		assertError(api().post("/api/conversations/" + this.room + "/clean", this.moderator2.token(), null), 403,
				"FORBIDDEN");
		Response dispute = api().post("/api/orders/" + this.orderId + "/disputes", this.customer.token(),
				"{\"reason\":\"not paid\"}");
		assertThat(dispute.status()).as(dispute.toString()).isEqualTo(201);

		Response refused = api().post("/api/conversations/" + this.room + "/clean", this.moderator.token(), null);

		assertError(refused, 409, "LEGAL_HOLD");
		assertThat(history(this.customer).toString()).contains("the money never arrived");
		api().patch("/api/disputes/" + dispute.data().path("id").asString() + "/status", this.moderator.token(),
				"{\"status\":\"resolved\",\"resolution\":\"paid out\"}");
		assertThat(api().post("/api/conversations/" + this.room + "/clean", this.moderator.token(), null).status())
			.isEqualTo(200);
	}

	@Test
	void internalNotesNeverReachCustomersOrPerformers() {
		accept();
		send(this.customer, "where is my money?");
		Response note = api().post("/api/conversations/" + this.room + "/notes", this.moderator.token(),
				"{\"content\":\"customer flagged twice before\"}");
		assertThat(note.status()).as(note.toString()).isEqualTo(201);
		assertThat(note.data().path("metadata").path("visibility").asString()).isEqualTo("staff");

		assertThat(history(this.customer).toString()).doesNotContain("flagged twice");
		assertThat(history(this.performer).toString()).doesNotContain("flagged twice");
		assertThat(api().get("/api/conversations/" + this.room, this.customer.token()).text())
			.doesNotContain("flagged twice");
		assertThat(api().get("/api/conversations", this.performer.token()).text()).doesNotContain("flagged twice");
		assertThat(api().get("/api/unread", this.performer.token()).body().path("data").path("total").asLong())
			.isEqualTo(countUnread(this.performer));
		assertThat(history(this.moderator).toString()).contains("flagged twice");
		assertThat(history(this.admin).toString()).contains("flagged twice");
		assertThat(this.events.of(MessagePosted.class))
			.noneMatch((e) -> "customer flagged twice before".equals(e.message().content()));
		assertThat(this.events.of(InternalNoteAdded.class))
			.anyMatch((e) -> e.staffUserIds().contains(this.moderator.id())
					&& !e.staffUserIds().contains(this.customer.id()));
		assertError(api().post("/api/conversations/" + this.room + "/notes", this.customer.token(),
				"{\"content\":\"sneaky\"}"), 403, "FORBIDDEN");
	}

	private long countUnread(Person person) {
		long unread = 0;
		for (JsonNode message : history(person)) {
			if (!person.id().equals(message.path("senderId").asString())) {
				unread++;
			}
		}
		return unread;
	}

	private void accept() {
		Response accepted = api().post("/api/orders/" + this.orderId + "/accept", this.moderator.token(), null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
	}

	private void send(Person person, String text) {
		Response sent = api().post("/api/conversations/" + this.room + "/messages", person.token(),
				Api.json(Map.of("content", text)));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
	}

	/**
	 * An image message as the attachments module stores one (its upload is that module's
	 * business): the next seq, under the conversation's row lock.
	 */
	private void insertImage(Person sender) {
		UUID conversation = UUID.fromString(this.room);
		long seq = this.jdbc.sql("SELECT last_seq FROM conversations WHERE id = ?")
			.param(conversation)
			.query(Long.class)
			.single() + 1;
		this.jdbc
			.sql("INSERT INTO messages (id, conversation_id, seq, type, content, sender_id, sender_name, sender_role, "
					+ "metadata, created_at) VALUES (?, ?, ?, 'image', 'photo.png', ?, ?, ?, ?, CURRENT_TIMESTAMP)")
			.params(UUID.randomUUID(), conversation, seq, sender.id(), sender.name(), sender.role().wire(),
					"{\"attachments\":[{\"file_name\":\"photo.png\"}]}")
			.update();
		this.jdbc.sql("UPDATE conversations SET last_seq = ? WHERE id = ?").params(seq, conversation).update();
	}

	private List<String> participants() {
		List<String> ids = new ArrayList<>();
		for (JsonNode p : api().get("/api/conversations/" + this.room, this.admin.token())
			.data()
			.path("participants")) {
			ids.add(p.path("userId").asString());
		}
		return ids;
	}

	private JsonNode history(Person reader) {
		Response history = api().get("/api/conversations/" + this.room + "/messages?limit=200", reader.token());
		assertThat(history.status()).as(history.toString()).isEqualTo(200);
		return history.data().path("messages");
	}

	private List<String> systemTexts(Person reader) {
		List<String> texts = new ArrayList<>();
		for (JsonNode message : history(reader)) {
			if (message.path("type").asString().equals("system")) {
				texts.add(message.path("content").asString());
			}
		}
		return texts;
	}

	static void assertError(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
		assertThat(response.body().path("success").asBoolean()).isFalse();
		assertThat(response.body().path("error").path("message").asString()).isNotBlank();
	}

}
