package io.orderchat.realtime.gateway;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/conversations/{id}/presence} on one node: its participants, who of them
 * is online and with how many connections. The cluster's count:
 * {@code io.orderchat.cluster.ClusterOperationsIT}.
 */
class ConversationPresenceIT extends IntegrationTest {

	@Test
	void aConversationsPresenceListsItsParticipantsOnlineAndTheirConnections() throws Exception {
		Person admin = person("Ada", Role.ADMIN);
		Person customer = person("Cleo", Role.CUSTOMER);
		Person performer = person("Pim", Role.PERFORMER);
		Response placed = api().post("/api/orders/external", admin.token(),
				"{\"externalId\":\"" + customer.id() + "\",\"customer\":{\"id\":\"" + customer.id()
						+ "\",\"name\":\"Cleo\"},\"performer\":{\"id\":\"" + performer.id() + "\",\"name\":\"Pim\"}}");
		String conversation = placed.data().path("chatRoomId").asString();
		RawSocketIo phone = RawSocketIo.open(this.port, customer.token());
		RawSocketIo laptop = RawSocketIo.open(this.port, customer.token());

		Response presence = api().get("/api/conversations/" + conversation + "/presence", performer.token());

		assertThat(presence.status()).as(presence.text()).isEqualTo(200);
		assertThat(presence.data().path("conversationId").asString()).isEqualTo(conversation);
		assertThat(presence.data().path("online").asInt()).isEqualTo(1);
		assertThat(presence.data().path("connections").asInt()).isEqualTo(2);
		assertThat(presence.text()).contains(
				"{\"userId\":\"" + customer.id()
						+ "\",\"name\":\"Cleo\",\"role\":\"customer\",\"online\":true,\"connections\":2}",
				"{\"userId\":\"" + performer.id()
						+ "\",\"name\":\"Pim\",\"role\":\"performer\",\"online\":false,\"connections\":0}");
		assertThat(api().get("/api/conversations/" + conversation + "/presence", person("Sam", Role.CUSTOMER).token())
			.status()).isEqualTo(403);
		phone.close();
		laptop.close();
	}

}
