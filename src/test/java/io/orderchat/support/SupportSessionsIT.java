package io.orderchat.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SupportSessionsIT extends IntegrationTest {

	static final String SESSIONS = "/api/v1/chat/sessions";

	final Person customer = person("Rita Restaurant", Role.CUSTOMER);

	final Person otherCustomer = person("Otto Other", Role.CUSTOMER);

	final Person agent = person("Sam Support", Role.SUPPORT);

	final Person agent2 = person("Sue Support", Role.SUPPORT);

	@Test
	void aCustomerOpensASessionThatWaitsWithItsFirstMessage() {
		Response created = create(this.customer, "high", "My order is delayed");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode session = created.data();
		assertThat(session.path("status").asString()).isEqualTo("waiting");
		assertThat(session.path("subject").asString()).isEqualTo("Need help with order");
		assertThat(session.path("category").asString()).isEqualTo("order_issue");
		assertThat(session.path("priority").asString()).isEqualTo("high");
		assertThat(session.path("restaurant_id").asString()).isEqualTo("resto-1");
		assertThat(session.path("customer_id").asString()).isEqualTo(this.customer.id());
		String id = session.path("id").asString();

		Response messages = api().get(SESSIONS + "/" + id + "/messages", this.customer.token());
		assertThat(messages.status()).as(messages.toString()).isEqualTo(200);
		// newest first (DIALECTS.md §4.3): the customer's message, then the system one
		JsonNode first = messages.data().get(0);
		assertThat(first.path("content").asString()).isEqualTo("My order is delayed");
		assertThat(first.path("sender_role").asString()).isEqualTo("customer");
		assertThat(first.path("session_id").asString()).isEqualTo(id);
		assertThat(first.path("attachments").isArray()).isTrue();
		assertThat(first.path("read_by").isArray()).isTrue();
		assertThat(this.events.of(SupportSessionCreated.class)).anyMatch((e) -> e.session().id().toString().equals(id));
	}

	@Test
	void listsDetailsPagingAndReadReceipts() {
		String id = create(this.customer, "medium", "first").data().path("id").asString();
		accept(this.agent, id);
		for (int i = 1; i <= 3; i++) {
			send(this.agent, id, "agent says " + i);
		}

		Response mine = api().get(SESSIONS, this.customer.token());
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.data().size()).isEqualTo(1);
		assertThat(mine.data().get(0).path("unread_count").asLong()).isEqualTo(5); // opened,
																					// agent
																					// joined,
																					// 3
																					// from
																					// the
																					// agent
		Response details = api().get(SESSIONS + "/" + id, this.customer.token());
		assertThat(details.data().path("last_message").path("content").asString()).isEqualTo("agent says 3");
		assertThat(details.data().path("status").asString()).isEqualTo("active");
		assertThat(details.data().path("agent_id").asString()).isEqualTo(this.agent.id());
		// newest first (DIALECTS.md §4.3): agent says 3, 2, 1, joined, first, opened
		Response page = api().get(SESSIONS + "/" + id + "/messages?limit=2&offset=1", this.customer.token());
		assertThat(page.data().size()).isEqualTo(2);
		assertThat(page.data().get(0).path("content").asString()).isEqualTo("agent says 2");
		assertThat(page.data().get(1).path("content").asString()).isEqualTo("agent says 1");
		Response oldest = api().get(SESSIONS + "/" + id + "/messages?limit=2&offset=4", this.customer.token());
		assertThat(oldest.data().get(0).path("content").asString()).isEqualTo("first");
		assertThat(oldest.data().get(1).path("is_system_message").asBoolean()).isTrue();

		List<String> agentMessages = new ArrayList<>();
		for (JsonNode message : api().get(SESSIONS + "/" + id + "/messages", this.customer.token()).data()) {
			if (message.path("content").asString().startsWith("agent says")) {
				agentMessages.add(message.path("id").asString());
			}
		}
		Response read = api().post(SESSIONS + "/" + id + "/read", this.customer.token(),
				Api.json(Map.of("message_ids", List.of(agentMessages.getLast())))); // the
																					// oldest
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.body().path("success").asBoolean()).isTrue();
		assertThat(read.body().path("message").asString()).isEqualTo("Messages marked as read");
		assertThat(read.data().path("unreadCount").asLong()).isEqualTo(2);
		JsonNode readMessage = api().get(SESSIONS + "/" + id + "/messages", this.agent.token()).data().get(2);
		assertThat(readMessage.path("content").asString()).isEqualTo("agent says 1");
		assertThat(readMessage.path("read_by").get(0).path("user_id").asString()).isEqualTo(this.customer.id());
		assertThat(api().post(SESSIONS + "/" + id + "/read", this.customer.token(), null)
			.data()
			.path("unreadCount")
			.asLong()).isZero();
		assertError(api().get(SESSIONS + "/" + id, this.otherCustomer.token()), 403, "FORBIDDEN");
		assertError(api().get(SESSIONS + "/" + id + "/messages?limit=0", this.customer.token()), 400,
				"VALIDATION_FAILED");
	}

	@Test
	void agentsSeeTheQueueByPriorityThenAge() {
		String low = create(this.customer, "low", "whenever").data().path("id").asString();
		String urgent1 = create(this.customer, "urgent", "now").data().path("id").asString();
		String urgent2 = create(this.otherCustomer, "urgent", "now too").data().path("id").asString();

		Response queue = api().get(SESSIONS + "/queue", this.agent.token());

		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		queue.data().forEach((s) -> ids.add(s.path("id").asString()));
		assertThat(ids).containsSubsequence(urgent1, urgent2, low);
		assertError(api().get(SESSIONS + "/queue", this.customer.token()), 403, "FORBIDDEN");
	}

	@Test
	void twoAgentsAcceptingTheSameSessionAtOnceOneWins() throws Exception {
		String id = create(this.customer, "high", "help").data().path("id").asString();
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (Person agent : List.of(this.agent, this.agent2)) {
				Callable<Response> acceptNow = () -> {
					start.await(10, TimeUnit.SECONDS);
					return api().post(SESSIONS + "/" + id + "/accept", agent.token(), null);
				};
				answers.add(pool.submit(acceptNow));
			}
			List<Response> responses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				responses.add(answer.get(30, TimeUnit.SECONDS));
			}

			// seed 003's statuses and envelope (DIALECTS.md §4.3): a conflict is a 400
			assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 400);
			Response loser = responses.stream().filter((r) -> r.status() == 400).findFirst().orElseThrow();
			assertThat(loser.errorCode()).isEqualTo("CONFLICT");
			assertThat(loser.body().path("error").asString()).contains("already accepted by");
			Response winner = responses.stream().filter((r) -> r.status() == 200).findFirst().orElseThrow();
			String winnerId = winner.data().path("agent_id").asString();
			assertThat(api().get(SESSIONS + "/" + id, this.customer.token()).data().path("agent_id").asString())
				.isEqualTo(winnerId);
			assertThat(this.events.of(SupportSessionAccepted.class)
				.stream()
				.filter((e) -> e.session().id().toString().equals(id))
				.count()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void assigningIsForSupportAgentsOnly() {
		String id = create(this.customer, "medium", "help").data().path("id").asString();
		api().get(SESSIONS, this.agent2.token());

		assertError(api().post(SESSIONS + "/" + id + "/assign", this.customer.token(), null), 403, "FORBIDDEN");
		Response assigned = api().post(SESSIONS + "/" + id + "/assign", this.agent.token(),
				Api.json(Map.of("agent_id", this.agent2.id())));

		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertThat(assigned.data().path("status").asString()).isEqualTo("active");
		assertThat(assigned.data().path("agent_id").asString()).isEqualTo(this.agent2.id());
		assertThat(assigned.data().path("agent_name").asString()).isEqualTo("Sue Support");
		assertError(api().post(SESSIONS + "/" + id + "/assign", this.agent.token(),
				Api.json(Map.of("agent_id", this.customer.id()))), 404, "NOT_FOUND");
		// an active session is not assigned again (DIALECTS.md §4.3)
		assertError(api().post(SESSIONS + "/" + id + "/assign", this.agent.token(), null), 400, "VALIDATION_FAILED");
	}

	@Test
	void agentsListTheWaitingSessionsAndTheirOwnActiveOnes() {
		String waiting = create(this.customer, "low", "anyone?").data().path("id").asString();
		String mine = create(this.customer, "low", "mine").data().path("id").asString();
		String theirs = create(this.otherCustomer, "low", "theirs").data().path("id").asString();
		String done = create(this.customer, "low", "done").data().path("id").asString();
		accept(this.agent, mine);
		accept(this.agent2, theirs);
		accept(this.agent, done);
		api().post(SESSIONS + "/" + done + "/close", this.agent.token(), null);

		assertThat(ids(api().get(SESSIONS, this.agent.token()))).contains(waiting, mine).doesNotContain(theirs, done);
		assertThat(ids(api().get(SESSIONS, this.agent2.token()))).contains(waiting, theirs).doesNotContain(mine, done);
		assertThat(ids(api().get(SESSIONS, person("Ada Admin", Role.ADMIN).token()))).contains(waiting, mine, theirs)
			.doesNotContain(done);
		assertThat(ids(api().get(SESSIONS, this.customer.token()))).contains(waiting, mine, done)
			.doesNotContain(theirs);
	}

	private static List<String> ids(Response list) {
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		list.data().forEach((session) -> ids.add(session.path("id").asString()));
		return ids;
	}

	@Test
	void statusMovesActiveResolvedClosedAndAClosedSessionRefusesMessages() {
		String id = create(this.customer, "medium", "help").data().path("id").asString();
		assertError(api().patch(SESSIONS + "/" + id + "/status", this.agent.token(), "{\"status\":\"resolved\"}"), 400,
				"ILLEGAL_TRANSITION");
		accept(this.agent, id);
		assertError(api().patch(SESSIONS + "/" + id + "/status", this.customer.token(), "{\"status\":\"resolved\"}"),
				403, "FORBIDDEN");
		assertError(api().patch(SESSIONS + "/" + id + "/status", this.agent.token(), "{\"status\":\"bogus\"}"), 400,
				"VALIDATION_FAILED");

		Response resolved = api().patch(SESSIONS + "/" + id + "/status", this.agent.token(),
				"{\"status\":\"resolved\"}");
		assertThat(resolved.data().path("status").asString()).isEqualTo("resolved");
		assertThat(resolved.data().path("resolved_at").asString()).isNotBlank();
		send(this.customer, id, "thanks!");
		// seed 003's status change is the agents' (DIALECTS.md §4.3); the customer closes
		// with OrderChat's own POST …/close
		assertError(api().patch(SESSIONS + "/" + id + "/status", this.customer.token(), "{\"status\":\"closed\"}"), 403,
				"FORBIDDEN");
		Response closed = api().post(SESSIONS + "/" + id + "/close", this.customer.token(), null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.data().path("status").asString()).isEqualTo("closed");
		assertThat(closed.data().path("closed_by").asString()).isEqualTo(this.customer.id());

		assertError(api().post(SESSIONS + "/" + id + "/messages", this.customer.token(), "{\"content\":\"hello?\"}"),
				400, "CONVERSATION_CLOSED");
		String conversation = closed.data().path("conversation_id").asString();
		Response canonical = api().post("/api/conversations/" + conversation + "/messages", this.agent.token(),
				"{\"content\":\"hello?\"}");
		assertThat(canonical.status()).isEqualTo(409);
		assertThat(canonical.errorCode()).isEqualTo("CONVERSATION_CLOSED");
		assertError(api().post(SESSIONS + "/" + id + "/close", this.agent.token(), null), 400, "ILLEGAL_TRANSITION");
		assertThat(this.events.of(SupportSessionStatusChanged.class)
			.stream()
			.filter((e) -> e.session().id().toString().equals(id))
			.map(SupportSessionStatusChanged::to)
			.toList()).containsExactly(SupportStatus.ACTIVE, SupportStatus.RESOLVED, SupportStatus.CLOSED);
	}

	@Test
	void eitherSideMayCloseButNotStrangers() {
		String id = create(this.customer, "low", "help").data().path("id").asString();
		assertError(api().post(SESSIONS + "/" + id + "/close", this.otherCustomer.token(), null), 403, "FORBIDDEN");

		Response closed = api().post(SESSIONS + "/" + id + "/close", this.agent.token(), null);

		assertThat(closed.data().path("status").asString()).isEqualTo("closed");
		assertThat(closed.data().path("closed_by").asString()).isEqualTo(this.agent.id());
	}

	@Test
	void badCreationsAreRefused() {
		assertError(api().post(SESSIONS, this.customer.token(), "{\"category\":\"x\"}"), 400, "VALIDATION_FAILED");
		assertError(api().post(SESSIONS, this.customer.token(), "{\"subject\":\"x\",\"priority\":\"asap\"}"), 400,
				"VALIDATION_FAILED");
		assertError(api().post(SESSIONS, null, "{\"subject\":\"x\"}"), 401, "UNAUTHENTICATED");
		assertError(api().get(SESSIONS + "/not-a-session", this.customer.token()), 404, "NOT_FOUND");
	}

	private Response create(Person person, String priority, String initial) {
		return api().post(SESSIONS, person.token(), Api.json(Map.of("subject", "Need help with order", "category",
				"order_issue", "priority", priority, "restaurant_id", "resto-1", "initial_message", initial)));
	}

	private void accept(Person agent, String id) {
		Response accepted = api().post(SESSIONS + "/" + id + "/accept", agent.token(), null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
	}

	private void send(Person person, String id, String text) {
		Response sent = api().post(SESSIONS + "/" + id + "/messages", person.token(),
				Api.json(Map.of("content", text, "message_type", "text")));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
	}

	/**
	 * A refusal in seed 003's envelope: {@code {success: false, error, message, code}}.
	 */
	static void assertError(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
		assertThat(response.body().path("success").asBoolean(true)).isFalse();
		assertThat(response.body().path("error").asString()).isNotBlank();
		assertThat(response.body().path("message").asString()).isEqualTo(response.body().path("error").asString());
	}

}
