package io.orderchat.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * GET /api/search against real PostgreSQL: words of three languages and their prefixes,
 * only readable messages (participants, staff by role, notes for staff only, never
 * tombstones), exact keyset paging, and hostile text answered, never failed. With
 * {@code ORDERCHAT_IT_DB=h2} the same access and paging tests run against the LIKE
 * fallback; the full-text ones are skipped.
 */
class SearchIT extends IntegrationTest {

	final Person admin = person("Admin", Role.ADMIN);

	final Person customer = person("Customer", Role.CUSTOMER);

	final Person performer = person("Performer", Role.PERFORMER);

	final Person moderator = person("Moderator", Role.MODERATOR);

	final Person otherModerator = person("Other Moderator", Role.MODERATOR);

	final Person stranger = person("Stranger", Role.CUSTOMER);

	/** A word nobody else's test writes. */
	final String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@Test
	void findsUkrainianRussianAndLatinWordsAndPrefixes() {
		// full-text search: the H2 fallback matches plain substrings, without syntax
		assumeTrue(onPostgres(), "PostgreSQL only");
		String conv = acceptedOrder(this.customer).get("conv");
		send(conv, this.customer, "Замовлення готове до відправки");
		send(conv, this.performer, "Привет, доставка будет завтра");
		send(conv, this.customer, "The parcel is ready");

		assertThat(contentOf(search(this.customer, "q=" + enc("замовлення") + "&conversationId=" + conv)))
			.containsExactly("«Замовлення» готове до відправки");
		assertThat(contentOf(search(this.customer, "q=" + enc("ДОСТАВКА") + "&conversationId=" + conv)))
			.containsExactly("Привет, «доставка» будет завтра");
		assertThat(contentOf(search(this.customer, "q=parcel&conversationId=" + conv)))
			.containsExactly("The «parcel» is ready");
		// the last word is a prefix too
		assertThat(contentOf(search(this.customer, "q=" + enc("замовл") + "&conversationId=" + conv)))
			.containsExactly("«Замовлення» готове до відправки");
		assertThat(contentOf(search(this.customer, "q=parc&conversationId=" + conv))).hasSize(1);
		// websearch syntax: a phrase, OR, exclusion
		assertThat(contentOf(search(this.customer, "q=" + enc("\"parcel is\"") + "&conversationId=" + conv)))
			.hasSize(1);
		assertThat(contentOf(search(this.customer, "q=" + enc("parcel or доставка") + "&conversationId=" + conv)))
			.hasSize(2);
		assertThat(contentOf(search(this.customer, "q=" + enc("ready -parcel") + "&conversationId=" + conv))).isEmpty();
	}

	@Test
	void strangersAndPartiesOfAnotherOrderFindNothingOfIt() {
		Map<String, String> order = acceptedOrder(this.customer);
		send(order.get("conv"), this.customer, "secret " + this.word);
		Person otherCustomer = person("Other Customer", Role.CUSTOMER);
		String otherConv = acceptedOrder(otherCustomer).get("conv");
		send(otherConv, otherCustomer, "mine " + this.word);

		assertThat(search(this.stranger, "q=" + this.word).data().path("results")).isEmpty();
		assertThat(contentOf(search(otherCustomer, "q=" + this.word))).containsExactly("mine «" + this.word + "»");
		assertThat(contentOf(search(this.customer, "q=" + this.word))).containsExactly("secret «" + this.word + "»");
		// the admin reads every conversation
		assertThat(contentOf(search(this.admin, "q=" + this.word))).hasSize(2);
		// naming a conversation one may not read is refused, as its history is
		assertThat(
				api().get("/api/search?q=" + this.word + "&conversationId=" + order.get("conv"), otherCustomer.token())
					.status())
			.isEqualTo(403);
	}

	@Test
	void staffNotesAreFoundByStaffOnly() {
		String conv = acceptedOrder(this.customer).get("conv");
		send(conv, this.customer, "public " + this.word);
		Response note = api().post("/api/conversations/" + conv + "/notes", this.moderator.token(),
				"{\"content\":\"internal " + this.word + "\"}");
		assertThat(note.status()).as(note.toString()).isEqualTo(201);

		assertThat(contentOf(search(this.moderator, "q=" + this.word)))
			.containsExactlyInAnyOrder("public «" + this.word + "»", "internal «" + this.word + "»");
		assertThat(contentOf(search(this.admin, "q=" + this.word))).hasSize(2);
		assertThat(contentOf(search(this.customer, "q=" + this.word))).containsExactly("public «" + this.word + "»");
		assertThat(contentOf(search(this.performer, "q=" + this.word))).containsExactly("public «" + this.word + "»");
	}

	@Test
	void deletedAndCleanedMessagesAreNeverFound() {
		String conv = acceptedOrder(this.customer).get("conv");
		String deleted = send(conv, this.customer, "deleted " + this.word);
		assertThat(api().delete("/api/messages/" + deleted, this.customer.token()).status()).isEqualTo(200);
		assertThat(contentOf(search(this.admin, "q=" + this.word))).isEmpty();

		send(conv, this.performer, "cleaned " + this.word);
		assertThat(contentOf(search(this.admin, "q=" + this.word))).hasSize(1);
		Response cleaned = api().post("/api/conversations/" + conv + "/clean", this.moderator.token(), null);
		assertThat(cleaned.status()).as(cleaned.toString()).isEqualTo(200);
		assertThat(contentOf(search(this.admin, "q=" + this.word))).isEmpty();
		assertThat(contentOf(search(this.performer, "q=" + this.word))).isEmpty();
	}

	@Test
	void moderatorsFindDisputesAndTheirOrdersButNotOthersOrders() {
		Map<String, String> assigned = acceptedOrder(this.customer);
		send(assigned.get("conv"), this.customer, "assigned " + this.word);
		Map<String, String> unassigned = acceptedOrder(this.customer);
		send(unassigned.get("conv"), this.customer, "unassigned " + this.word);
		Response dispute = api().post("/api/orders/" + assigned.get("order") + "/disputes", this.customer.token(),
				"{\"reason\":\"late\"}");
		assertThat(dispute.status()).as(dispute.toString()).isEqualTo(201);
		send(dispute.data().path("conversationId").asString(), this.customer, "disputed " + this.word);

		// accepted by this.moderator: the other moderator sees the dispute only
		assertThat(contentOf(search(this.otherModerator, "q=" + this.word)))
			.containsExactly("disputed «" + this.word + "»");
		assertThat(contentOf(search(this.moderator, "q=" + this.word))).hasSize(3);
		assertThat(contentOf(search(this.moderator, "q=" + this.word + "&kind=dispute")))
			.containsExactly("disputed «" + this.word + "»");
		// an order's chat and the chats of its disputes
		assertThat(contentOf(search(this.moderator, "q=" + this.word + "&orderId=" + assigned.get("order"))))
			.containsExactlyInAnyOrder("assigned «" + this.word + "»", "disputed «" + this.word + "»");
		assertThat(contentOf(search(this.customer, "q=" + this.word + "&senderId=" + this.performer.id()))).isEmpty();
	}

	@Test
	void supportAgentsFindSupportSessionsAndNoOrderChats() {
		Person agent = person("Agent", Role.SUPPORT);
		Response session = api().post("/api/v1/chat/sessions", this.customer.token(), "{\"subject\":\"Help\"}");
		assertThat(session.status() / 100).as(session.toString()).isEqualTo(2);
		send(session.data().path("conversation_id").asString(), this.customer, "help " + this.word);
		send(acceptedOrder(this.customer).get("conv"), this.customer, "order " + this.word);

		// the session waits in the queue: every agent reads it, as its history
		assertThat(contentOf(search(agent, "q=" + this.word))).containsExactly("help «" + this.word + "»");
		assertThat(contentOf(search(this.otherModerator, "q=" + this.word))).isEmpty();
		assertThat(contentOf(search(this.customer, "q=" + this.word + "&kind=support")))
			.containsExactly("help «" + this.word + "»");
	}

	@Test
	void pagesOfTwoReturnEveryHitOnceInRankOrder() {
		String conv = acceptedOrder(this.customer).get("conv");
		String w = this.word;
		for (String content : List.of(w, w + " " + w, w + " and some other words", w + " " + w + " " + w,
				w + " and some other words")) {
			send(conv, this.customer, content);
		}
		JsonNode all = search(this.customer, "q=" + w).data().path("results");
		assertThat(all).hasSize(5);
		List<String> pagedIds = new ArrayList<>();
		List<Float> ranks = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode data = search(this.customer, "q=" + w + "&limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.data();
			data.path("results").forEach((hit) -> {
				pagedIds.add(hit.path("messageId").asString());
				ranks.add(hit.path("rank").floatValue());
			});
			cursor = data.path("nextCursor").isNull() || data.path("nextCursor").isMissingNode() ? null
					: data.path("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(pages).isEqualTo(3);
		List<String> allIds = new ArrayList<>();
		all.forEach((hit) -> allIds.add(hit.path("messageId").asString()));
		assertThat(pagedIds).containsExactlyElementsOf(allIds).doesNotHaveDuplicates();
		assertThat(ranks).isSortedAccordingTo((a, b) -> Float.compare(b, a));
		if (onPostgres()) {
			assertThat(ranks.getFirst()).isGreaterThan(ranks.getLast());
		}
	}

	@Test
	void hostileTextIsAnsweredNeverFailed() {
		String conv = acceptedOrder(this.customer).get("conv");
		send(conv, this.customer, "<script>alert('" + this.word + "')</script> & \"quotes\"");
		for (String q : List.of("'", "&|!:*()", "<script>", "\"", "-", "or", "a:* & !b", "''''", "\\", "(", "«»",
				"'" + this.word + "'", this.word + ":*", "!" + this.word)) {
			Response response = api().get("/api/search?q=" + enc(q), this.customer.token());
			assertThat(response.status()).as(q + " -> " + response).isEqualTo(200);
		}
		String snippet = contentOf(search(this.customer, "q=" + this.word)).getFirst();
		assertThat(snippet).doesNotContain("<").contains("&lt;script&gt;").contains("«" + this.word + "»");
		for (String q : List.of("", "   ", "x".repeat(MessageSearch.MAX_TEXT + 1), "a%00b")) {
			Response response = api().get("/api/search?q=" + (q.contains("%") ? q : enc(q)), this.customer.token());
			assertThat(response.status()).as(q.length() + " chars -> " + response).isEqualTo(400);
			assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
		}
		// 10k characters do not get past the URI length limit of the server
		// (RequestLimits)
		Response huge = api().get("/api/search?q=" + "x".repeat(10_000), this.customer.token());
		assertThat(huge.status()).as(huge.toString()).isIn(400, 414);
		assertThat(huge.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(api().get("/api/search", this.customer.token()).errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(api().get("/api/search?q=x&limit=51", this.customer.token()).status()).isEqualTo(400);
		assertThat(api().get("/api/search?q=x&limit=0", this.customer.token()).status()).isEqualTo(400);
		assertThat(api().get("/api/search?q=x&cursor=bm9wZQ", this.customer.token()).status()).isEqualTo(400);
		assertThat(api().get("/api/search?q=x&from=yesterday", this.customer.token()).status()).isEqualTo(400);
		assertThat(api().get("/api/search?q=x&kind=chat", this.customer.token()).status()).isEqualTo(400);
	}

	@Test
	void answersTheEnvelopeAndRefusesTheUnauthenticated() {
		String conv = acceptedOrder(this.customer).get("conv");
		String id = send(conv, this.performer, "envelope " + this.word);
		JsonNode hit = search(this.customer, "q=" + this.word).data().path("results").path(0);
		assertThat(hit.path("conversationId").asString()).isEqualTo(conv);
		assertThat(hit.path("kind").asString()).isEqualTo("order");
		assertThat(hit.path("messageId").asString()).isEqualTo(id);
		assertThat(hit.path("seq").asLong()).isPositive();
		assertThat(hit.path("senderId").asString()).isEqualTo(this.performer.id());
		assertThat(hit.path("senderRole").asString()).isEqualTo("performer");
		assertThat(hit.path("createdAt").asString()).isNotEmpty();
		assertThat(api()
			.get("/api/search?q=" + this.word + "&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z",
					this.customer.token())
			.data()
			.path("results")).isEmpty();
		Response anonymous = api().get("/api/search?q=" + this.word, null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.body().path("success").asBoolean()).isFalse();
	}

	// --- the world

	private Map<String, String> acceptedOrder(Person customer) {
		Response placed = api().post("/api/orders/external", this.admin.token(),
				Api.json(Map.of("externalId", "search-" + UUID.randomUUID(), "customer",
						Map.of("id", customer.id(), "name", customer.name()), "performer",
						Map.of("id", this.performer.id(), "name", this.performer.name()), "title", "Groceries")));
		assertThat(placed.status() / 100).as(placed.toString()).isEqualTo(2);
		String order = placed.data().path("order").path("id").asString();
		Response accepted = api().post("/api/orders/" + order + "/accept", this.moderator.token(), null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		return Map.of("order", order, "conv", placed.data().path("chatRoomId").asString());
	}

	private String send(String conv, Person sender, String content) {
		Response sent = api().post("/api/conversations/" + conv + "/messages", sender.token(),
				Api.json(Map.of("content", content)));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return sent.data().path("message").path("id").asString();
	}

	private Response search(Person caller, String query) {
		Response response = api().get("/api/search?" + query, caller.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	private static List<String> contentOf(Response response) {
		List<String> snippets = new ArrayList<>();
		response.data().path("results").forEach((hit) -> snippets.add(hit.path("snippet").asString()));
		return snippets;
	}

	private static boolean onPostgres() {
		return TestDatabase.get().url().startsWith("jdbc:postgresql:");
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
