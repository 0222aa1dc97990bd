package io.orderchat.stats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/admin/stats against fixtures of March 2020 (no other test writes then) whose
 * figures are computed by hand below: moderator M1 has orders o1..o3 and dispute d1, M2
 * order o4, agent A1 sessions s1..s3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsIT extends IntegrationTest {

	static final String RANGE = "from=2020-03-01&to=2020-03-04";

	@Autowired
	JdbcClient jdbc;

	final Person admin = person("Admin", Role.ADMIN);

	final Person m1 = person("Moderator One", Role.MODERATOR);

	final Person m2 = person("Moderator Two", Role.MODERATOR);

	final Person a1 = person("Agent One", Role.SUPPORT);

	final Person customer = person("Customer", Role.CUSTOMER);

	@BeforeAll
	void fixtures() {
		String c = this.customer.id();
		// o1: first response 60 s, completed after 7200 s; a customer's message, a system
		// message
		UUID o1 = order(this.m1, "completed", "2020-03-01T10:00:00Z", "2020-03-01T12:00:00Z");
		message(o1, 1, null, null, "system", "all", "2020-03-01T10:00:00Z");
		message(o1, 2, c, "customer", "text", "all", "2020-03-01T10:00:30Z");
		message(o1, 3, this.m1.id(), "moderator", "text", "all", "2020-03-01T10:01:00Z");
		// o2: a staff note first (neither a response nor a message), then 180 s;
		// cancelled after 86400 s
		UUID o2 = order(this.m1, "cancelled", "2020-03-01T11:00:00Z", "2020-03-02T11:00:00Z");
		message(o2, 1, this.m1.id(), "moderator", "text", "staff", "2020-03-01T11:01:00Z");
		message(o2, 2, this.m1.id(), "moderator", "text", "all", "2020-03-01T11:03:00Z");
		// o3: 600 s, still processing
		UUID o3 = order(this.m1, "processing", "2020-03-02T09:00:00Z", "2020-03-02T09:00:00Z");
		message(o3, 1, this.m1.id(), "moderator", "text", "all", "2020-03-02T09:10:00Z");
		// o4 (this.m2): 30 s, completed after 1800 s
		UUID o4 = order(this.m2, "completed", "2020-03-02T10:00:00Z", "2020-03-02T10:30:00Z");
		message(o4, 1, this.m2.id(), "moderator", "text", "all", "2020-03-02T10:00:30Z");
		// d1 on o1, M1's, decided a day later
		dispute(o1, this.m1, "resolved", "2020-03-02T12:00:00Z", "2020-03-03T12:00:00Z");
		// s1: 120 s, resolved after 3600 s; s2: 300 s, closed unresolved after 7200 s; s3
		// active
		UUID s1 = session(this.a1, "resolved", "2020-03-01T08:00:00Z", "2020-03-01T09:00:00Z", null);
		message(s1, 1, this.a1.id(), "support", "text", "all", "2020-03-01T08:02:00Z");
		UUID s2 = session(this.a1, "closed", "2020-03-03T08:00:00Z", null, "2020-03-03T10:00:00Z");
		message(s2, 1, this.a1.id(), "support", "text", "all", "2020-03-03T08:05:00Z");
		session(this.a1, "active", "2020-03-03T09:00:00Z", null, null);
	}

	@Test
	void anAdminSeesEveryFigureAsComputedByHand() {
		JsonNode report = report(this.admin, RANGE);
		assertThat(report.path("scope").asString()).isEqualTo("all");

		JsonNode days = report.path("days");
		assertThat(days).hasSize(3);
		assertDay(days.get(0), "2020-03-01", "2 0 1", "1 0 1", 4);
		assertDay(days.get(1), "2020-03-02", "2 1 0", "2 0 0", 2);
		assertDay(days.get(2), "2020-03-03", "0 0 2", "0 1 1", 1);

		// orders: first responses 30, 60, 180, 600; resolutions 1800, 7200, 86400
		assertDurations(report.path("orders").path("firstResponse"), 4, 120, 474);
		assertDurations(report.path("orders").path("resolution"), 3, 7200, 70560);
		// support: first responses 120, 300; resolutions 3600, 7200
		assertDurations(report.path("support").path("firstResponse"), 2, 210, 282);
		assertDurations(report.path("support").path("resolution"), 2, 5400, 6840);

		JsonNode one = staff(report.path("moderators"), this.m1.id());
		assertThat(one.path("name").asString()).isEqualTo(this.m1.name());
		assertThat(one.path("handled").asLong()).isEqualTo(3);
		assertThat(one.path("resolved").asLong()).isEqualTo(2);
		assertThat(one.path("openNow").asLong()).isEqualTo(1);
		assertDurations(one.path("firstResponse"), 3, 180, 516);
		assertDurations(one.path("resolution"), 2, 46800, 78480);
		JsonNode two = staff(report.path("moderators"), this.m2.id());
		assertThat(two.path("handled").asLong()).isEqualTo(1);
		assertDurations(two.path("firstResponse"), 1, 30, 30);
		JsonNode agent = staff(report.path("agents"), this.a1.id());
		assertThat(agent.path("role").asString()).isEqualTo("support");
		assertThat(agent.path("handled").asLong()).isEqualTo(3);
		assertThat(agent.path("resolved").asLong()).isEqualTo(2);
		assertThat(agent.path("openNow").asLong()).isEqualTo(1);
		assertDurations(agent.path("firstResponse"), 2, 210, 282);

		assertThat(report.path("queues").propertyNames()).containsExactly("ordersPending", "disputesOpen",
				"supportWaiting");
	}

	@Test
	void queuesAreCountedNowWithTheirOldestAge() {
		Response opened = api().post("/api/v1/chat/sessions", this.customer.token(),
				"{\"subject\":\"Where is my order\"}");
		assertThat(opened.status()).as(opened.toString()).isIn(200, 201);
		JsonNode waiting = report(this.admin, RANGE).path("queues").path("supportWaiting");
		assertThat(waiting.path("size").asLong()).isPositive();
		assertThat(waiting.path("oldestAgeSeconds").asLong()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void aModeratorSeesTheirOwnOrdersAndDisputes() {
		JsonNode report = report(this.m1, RANGE);
		assertThat(report.path("scope").asString()).isEqualTo("own");
		JsonNode days = report.path("days");
		assertDay(days.get(0), "2020-03-01", "2 0 0", "1 0 0", 3);
		assertDay(days.get(1), "2020-03-02", "1 1 0", "1 0 0", 1);
		assertDay(days.get(2), "2020-03-03", "0 0 0", "0 1 0", 0);
		assertDurations(report.path("orders").path("firstResponse"), 3, 180, 516);
		assertThat(report.path("moderators")).hasSize(1);
		assertThat(report.path("moderators").get(0).path("userId").asString()).isEqualTo(this.m1.id());
		assertThat(report.has("support")).isFalse();
		assertThat(report.has("agents")).isFalse();
		assertThat(report.path("queues").propertyNames()).containsExactly("ordersPending", "disputesOpen");
	}

	@Test
	void anAgentSeesTheirOwnSessions() {
		JsonNode report = report(this.a1, RANGE);
		JsonNode days = report.path("days");
		assertDay(days.get(0), "2020-03-01", "0 0 1", "0 0 1", 1);
		assertDay(days.get(2), "2020-03-03", "0 0 2", "0 0 1", 1);
		assertDurations(report.path("support").path("resolution"), 2, 5400, 6840);
		assertThat(report.path("agents")).hasSize(1);
		assertThat(report.has("orders")).isFalse();
		assertThat(report.path("queues").propertyNames()).containsExactly("supportWaiting");
		// another agent sees none of it
		JsonNode other = report(person("Agent Two", Role.SUPPORT), RANGE);
		assertThat(other.path("support").path("firstResponse").path("count").asLong()).isZero();
		assertThat(other.path("agents")).isEmpty();
	}

	@Test
	void customersAndPerformersAreRefusedAndTheRangeIsRequiredAndBounded() {
		assertThat(api().get("/api/admin/stats?" + RANGE, this.customer.token()).status()).isEqualTo(403);
		assertThat(api().get("/api/admin/stats?" + RANGE, person("Performer", Role.PERFORMER).token()).status())
			.isEqualTo(403);
		assertThat(api().get("/api/admin/stats?" + RANGE, null).status()).isEqualTo(401);
		for (String bad : List.of("", "from=2020-03-01", "to=2020-03-04", "from=2020-03-04&to=2020-03-01",
				"from=2020-01-01&to=2021-01-02", "from=yesterday&to=2020-03-04")) {
			Response refused = api().get("/api/admin/stats?" + bad, this.admin.token());
			assertThat(refused.errorCode()).as(bad + " -> " + refused).isEqualTo("VALIDATION_FAILED");
		}
		// instants work too, and a range of exactly 366 days
		assertThat(api().get("/api/admin/stats?from=2020-03-01T00:00:00Z&to=2021-03-02T00:00:00Z", this.admin.token())
			.status()).isEqualTo(200);
	}

	// --- helpers

	private JsonNode report(Person caller, String query) {
		Response response = api().get("/api/admin/stats?" + query, caller.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.data();
	}

	/** {@code opened}/{@code closed} as "order dispute support". */
	private static void assertDay(JsonNode day, String date, String opened, String closed, long messages) {
		assertThat(day.path("day").asString()).isEqualTo(date);
		assertThat(kinds(day.path("opened"))).as(date + " opened").isEqualTo(opened);
		assertThat(kinds(day.path("closed"))).as(date + " closed").isEqualTo(closed);
		assertThat(day.path("messages").asLong()).as(date + " messages").isEqualTo(messages);
	}

	private static String kinds(JsonNode counts) {
		return counts.path("order").asLong() + " " + counts.path("dispute").asLong() + " "
				+ counts.path("support").asLong();
	}

	private static void assertDurations(JsonNode durations, long count, double median, double p90) {
		assertThat(durations.path("count").asLong()).as(durations.toString()).isEqualTo(count);
		assertThat(durations.path("medianSeconds").asDouble()).as(durations.toString()).isEqualTo(median);
		assertThat(durations.path("p90Seconds").asDouble()).as(durations.toString()).isEqualTo(p90);
	}

	private static JsonNode staff(JsonNode list, String userId) {
		for (JsonNode person : list) {
			if (person.path("userId").asString().equals(userId)) {
				return person;
			}
		}
		throw new AssertionError(userId + " not in " + list);
	}

	private UUID conversation(String kind, String createdAt) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO conversations (id, kind, subject_id, last_seq, created_at, updated_at) "
					+ "VALUES (?, ?, ?, 0, ?, ?)")
			.params(id, kind, UUID.randomUUID().toString(), at(createdAt), at(createdAt))
			.update();
		return id;
	}

	private UUID order(Person moderator, String status, String createdAt, String updatedAt) {
		UUID conversation = conversation("order", createdAt);
		this.jdbc
			.sql("INSERT INTO orders (id, conversation_id, customer_id, moderator_id, moderator_name, status, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), conversation, this.customer.id(), moderator.id(), moderator.name(), status,
					at(createdAt), at(updatedAt))
			.update();
		return conversation;
	}

	private void dispute(UUID orderConversation, Person moderator, String status, String createdAt, String updatedAt) {
		UUID order = this.jdbc.sql("SELECT id FROM orders WHERE conversation_id = ?")
			.params(orderConversation)
			.query(UUID.class)
			.single();
		this.jdbc
			.sql("INSERT INTO disputes (id, order_id, conversation_id, customer_id, opened_by, opened_by_role, "
					+ "reason, status, moderator_id, moderator_name, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, 'customer', 'late', ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), order, conversation("dispute", createdAt), this.customer.id(),
					this.customer.id(), status, moderator.id(), moderator.name(), at(createdAt), at(updatedAt))
			.update();
	}

	private UUID session(Person agent, String status, String createdAt, String resolvedAt, String closedAt) {
		UUID conversation = conversation("support", createdAt);
		this.jdbc
			.sql("INSERT INTO support_sessions (id, conversation_id, customer_id, customer_name, agent_id, agent_name, "
					+ "subject, category, priority, status, created_at, updated_at, resolved_at, closed_at) "
					+ "VALUES (?, ?, ?, 'C', ?, ?, 'help', 'general', 'medium', ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), conversation, this.customer.id(), agent.id(), agent.name(), status,
					at(createdAt), at(createdAt), at(resolvedAt), at(closedAt))
			.update();
		return conversation;
	}

	private void message(UUID conversation, long seq, String senderId, String role, String type, String visibility,
			String createdAt) {
		this.jdbc
			.sql("INSERT INTO messages (id, conversation_id, seq, sender_id, sender_role, type, content, visibility, "
					+ "created_at) VALUES (?, ?, ?, ?, ?, ?, 'x', ?, ?)")
			.params(UUID.randomUUID(), conversation, seq, senderId, role, type, visibility, at(createdAt))
			.update();
	}

	private static OffsetDateTime at(String instant) {
		return (instant != null) ? Instant.parse(instant).atOffset(ZoneOffset.UTC) : null;
	}

}
