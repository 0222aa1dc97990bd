package io.orderchat.orders;

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

/**
 * Issue 14 finding 6: nobody but a moderator or an admin changes who is in an order's
 * chat, whichever endpoint they try, and every change is audited.
 */
class MembershipChangesIT extends IntegrationTest {

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Pete Performer", Role.PERFORMER);

	final Person support = person("Sue Support", Role.SUPPORT);

	final Person moderator = person("Mona Moderator", Role.MODERATOR);

	final Person otherModerator = person("Max Moderator", Role.MODERATOR);

	final Person admin = person("Ada Admin", Role.ADMIN);

	String orderId;

	String conversationId;

	@BeforeEach
	void registerAnOrderWithAPerformer() {
		Response created = api().post("/api/orders/external", this.admin.token(),
				Api.json(Map.of("externalId", "members-" + UUID.randomUUID(), "customer",
						Map.of("id", this.customer.id(), "name", this.customer.name()), "performer",
						Map.of("id", this.performer.id(), "name", this.performer.name()))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.orderId = created.data().path("order").path("id").asString();
		this.conversationId = created.data().path("chatRoomId").asString();
	}

	@Test
	void aSupportAgentCannotMakeThemselvesTheModeratorByChangingTheStatus() {
		Response changed = api().patch("/api/orders/" + this.orderId + "/status", this.support.token(),
				Api.json(Map.of("status", "processing")));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(403);
		JsonNode order = api().get("/api/orders/" + this.orderId, this.admin.token()).data();
		assertThat(order.path("status").asString()).isEqualTo("pending");
		assertThat(order.path("moderatorId").isNull()).isTrue();
		assertThat(openAs(this.support).status()).isEqualTo(403);
	}

	@Test
	void aSupportAgentCannotMakeThemselvesThePerformer() {
		Response changed = api().put("/api/orders/" + this.orderId + "/performer", this.support.token(),
				Api.json(Map.of("performer", Map.of("id", this.support.id(), "name", this.support.name()))));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(403);
		assertThat(api().get("/api/orders/" + this.orderId, this.admin.token()).data().path("performerId").asString())
			.isEqualTo(this.performer.id());
		assertThat(openAs(this.performer).status()).isEqualTo(200);
		assertThat(openAs(this.support).status()).isEqualTo(403);
	}

	@Test
	void onlyTheOrdersModeratorOrAnAdminChangesThePerformer() {
		String paula = "paula-" + UUID.randomUUID();
		String body = Api.json(Map.of("performer", Map.of("id", paula, "name", "Paula")));
		assertThat(api().put("/api/orders/" + this.orderId + "/performer", this.customer.token(), body).status())
			.isEqualTo(403);
		assertThat(api().put("/api/orders/" + this.orderId + "/performer", this.performer.token(), body).status())
			.isEqualTo(403);
		api().post("/api/orders/" + this.orderId + "/accept", this.moderator.token(), null);
		assertThat(api().put("/api/orders/" + this.orderId + "/performer", this.otherModerator.token(), body).status())
			.as("a moderator who is not the order's")
			.isEqualTo(403);
		assertThat(openAs(this.performer).status()).isEqualTo(200);

		Response changed = api().put("/api/orders/" + this.orderId + "/performer", this.moderator.token(), body);

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(openAs(this.performer).status()).isEqualTo(403);
	}

	@Test
	void aPerformerChangeIsAudited() {
		String paula = "paula-" + UUID.randomUUID();

		Response changed = api().put("/api/orders/" + this.orderId + "/performer", this.admin.token(),
				Api.json(Map.of("performer", Map.of("id", paula, "name", "Paula"))));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		JsonNode audit = api().get("/api/admin/audit?conversationId=" + this.conversationId, this.admin.token()).data();
		assertThat(audit.toString()).contains("participant.removed", "participant.added", paula, this.performer.id(),
				this.admin.id());
	}

	@Test
	void acceptingAnOrderIsAuditedAsAMembershipChange() {
		api().post("/api/orders/" + this.orderId + "/accept", this.moderator.token(), null);

		JsonNode audit = api().get("/api/admin/audit?conversationId=" + this.conversationId, this.admin.token()).data();
		assertThat(audit.toString()).contains("participant.added", this.moderator.id());
	}

	private Response openAs(Person person) {
		return api().get("/api/conversations/" + this.conversationId, person.token());
	}

}
