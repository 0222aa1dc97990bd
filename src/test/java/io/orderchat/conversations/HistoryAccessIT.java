package io.orderchat.conversations;

import java.util.List;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.orders.ExternalOrder;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.Party;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.web.ApiResponse;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * History reads its access check and its page in one statement: it must refuse and hide
 * exactly what the separate checks did.
 */
class HistoryAccessIT extends IntegrationTest {

	@Autowired
	ConversationHistory history;

	@Autowired
	Messaging messaging;

	@Autowired
	Membership membership;

	@Autowired
	OrderManagement orders;

	@Autowired
	JsonMapper mapper;

	final Person customer = person("Hana Customer", Role.CUSTOMER);

	final Person performer = person("Paul Performer", Role.PERFORMER);

	final Person stranger = person("Sid Stranger", Role.CUSTOMER);

	final Person support = person("Sue Support", Role.SUPPORT);

	final Person admin = person("Ari Admin", Role.ADMIN);

	ConversationId conversation;

	@BeforeEach
	void anOrderWithMessagesAndAnInternalNote() {
		this.conversation = this.orders
			.registerExternal(this.admin.caller(),
					new ExternalOrder("hist-" + UUID.randomUUID(), new Party(this.customer.id(), this.customer.name()),
							new Party(this.performer.id(), this.performer.name()), null, null))
			.order()
			.conversationId();
		// seq 1: the system message, 2-3: the customer, 4: a note, 5: deleted
		send(this.customer, "first");
		send(this.customer, "second");
		this.messaging.addNote(this.admin.caller(), this.conversation, "staff only");
		Message deleted = send(this.performer, "oops");
		this.messaging.delete(this.performer.caller(), deleted.id());
	}

	@Test
	void refusesAStrangerAndAParticipantWhoLeftWithForbidden() {
		assertRefused(this.stranger, ErrorCode.FORBIDDEN);
		assertRefused(this.support, ErrorCode.FORBIDDEN);
		this.membership.removeParticipant(this.admin.caller(), this.conversation, this.performer.id(), null);
		assertRefused(this.performer, ErrorCode.FORBIDDEN);
	}

	@Test
	void answersNotFoundForAnUnknownConversationEvenToAnAdmin() {
		assertThatThrownBy(() -> this.history.history(this.admin.caller(), new ConversationId(UUID.randomUUID()), null,
				null, null))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
	}

	@Test
	void hidesInternalNotesFromParticipantsAndShowsThemToObservingStaff() {
		assertThat(seqs(this.customer, null, null)).containsExactly(1L, 2L, 3L, 5L);
		assertThat(seqs(this.performer, null, 0L)).containsExactly(1L, 2L, 3L, 5L);
		assertThat(seqs(this.admin, null, null)).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(seqs(this.admin, 5L, 1L)).containsExactly(2L, 3L, 4L);
	}

	@Test
	void keepsTombstonesAndPagesFromBothEnds() {
		HistoryPage latest = this.history.history(this.customer.caller(), this.conversation, null, null, 2);
		assertThat(latest.messages()).extracting(Message::seq).containsExactly(3L, 5L);
		assertThat(latest.messages().getLast().deleted()).isTrue();
		assertThat(latest.messages().getLast().content()).isNull();
		assertThat(latest.hasMore()).isTrue();
		HistoryPage oldest = this.history.history(this.customer.caller(), this.conversation, null, 0L, 2);
		assertThat(oldest.messages()).extracting(Message::seq).containsExactly(1L, 2L);
		assertThat(oldest.hasMore()).isTrue();
		HistoryPage rest = this.history.history(this.customer.caller(), this.conversation, null, 3L, 2);
		assertThat(rest.messages()).extracting(Message::seq).containsExactly(5L);
		assertThat(rest.hasMore()).isFalse();
		assertThat(this.history.history(this.customer.caller(), this.conversation, 1L, null, 50).messages()).isEmpty();
	}

	@Test
	void writesThePageOverRestAsTheApplicationsMapperWould() {
		for (Person reader : List.of(this.customer, this.admin)) {
			Response page = api().get("/api/conversations/" + this.conversation + "/messages", reader.token());
			HistoryPage expected = this.history.history(reader.caller(), this.conversation, null, null, null);

			assertThat(page.status()).isEqualTo(200);
			assertThat(page.text()).isEqualTo(this.mapper.writeValueAsString(ApiResponse.ok(expected)));
		}
	}

	@Test
	void answersTheSameCodesOverRest() {
		String path = "/api/conversations/" + this.conversation + "/messages";
		Response stranger = api().get(path, this.stranger.token());
		Response unknown = api().get("/api/conversations/" + UUID.randomUUID() + "/messages", this.customer.token());
		Response page = api().get(path + "?before=5&limit=2", this.customer.token());

		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.data().path("hasMore").asBoolean()).isTrue();
		assertThat(page.data().path("messages").get(1).path("seq").asLong()).isEqualTo(3);
		assertThat(page.data().path("messages").get(1).path("content").asString()).isEqualTo("second");
	}

	private Message send(Person who, String content) {
		return this.messaging.send(who.caller(), this.conversation, NewMessage.text(content, null)).message();
	}

	private List<Long> seqs(Person reader, Long before, Long after) {
		return this.history.history(reader.caller(), this.conversation, before, after, null)
			.messages()
			.stream()
			.map(Message::seq)
			.toList();
	}

	private void assertRefused(Person reader, ErrorCode code) {
		assertThatThrownBy(() -> this.history.history(reader.caller(), this.conversation, null, null, null))
			.isInstanceOfSatisfying(DomainException.class, (ex) -> assertThat(ex.code()).isEqualTo(code));
	}

}
