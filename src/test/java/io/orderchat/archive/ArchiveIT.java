package io.orderchat.archive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.archive.Archiver.ArchiveRun;
import io.orderchat.identity.Role;
import io.orderchat.shared.Timestamps;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Archiving against the test database (PostgreSQL, or H2 with
 * {@code ORDERCHAT_IT_DB=h2}): an archived conversation reads the same through history,
 * search and export and keeps taking messages; a legal hold keeps it hot; one runner at a
 * time; a run that fails half way leaves every conversation whole and the next run
 * finishes. Each test archives only conversations it made old itself (by moving their
 * times back); the others' are too young.
 */
class ArchiveIT extends IntegrationTest {

	static final Duration AGE = Duration.ofDays(90);

	final Person admin = person("Admin", Role.ADMIN);

	final Person customer = person("Customer", Role.CUSTOMER);

	final Person performer = person("Performer", Role.PERFORMER);

	final Person moderator = person("Moderator", Role.MODERATOR);

	final Person stranger = person("Stranger", Role.CUSTOMER);

	final String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Archiver archiver;

	@Autowired
	ArchiveLease lease;

	@Autowired
	ArchivingPolicy policy;

	@Autowired
	MessageArchive archive;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Autowired
	MeterRegistry registry;

	@Test
	void anArchivedConversationReadsTheSameAndKeepsItsSeqWhenItGetsANewMessage() {
		Map<String, String> order = finishedOrder(6);
		String conv = order.get("conv");
		String history = api().get("/api/conversations/" + conv + "/messages?limit=100", this.customer.token()).text();
		String firstPage = api().get("/api/conversations/" + conv + "/messages?limit=3", this.customer.token()).text();
		String older = api().get("/api/conversations/" + conv + "/messages?limit=3&before=4", this.customer.token())
			.text();
		String found = search(this.customer, "q=" + this.word + "&conversationId=" + conv).text();
		String csv = export(conv);
		long total = hot(conv);
		double counted = this.registry.counter("orderchat.archived.messages").count();

		makeOld(order);
		ArchiveRun run = this.archiver.run();

		assertThat(run.leader()).isTrue();
		assertThat(hot(conv)).isZero();
		assertThat(archived(conv)).isEqualTo(total);
		assertThat(this.registry.counter("orderchat.archived.messages").count()).isEqualTo(counted + total);
		assertThat(api().get("/api/conversations/" + conv + "/messages?limit=100", this.customer.token()).text())
			.isEqualTo(history);
		assertThat(api().get("/api/conversations/" + conv + "/messages?limit=3", this.customer.token()).text())
			.isEqualTo(firstPage);
		assertThat(api().get("/api/conversations/" + conv + "/messages?limit=3&before=4", this.customer.token()).text())
			.isEqualTo(older);
		assertThat(search(this.customer, "q=" + this.word + "&conversationId=" + conv).text()).isEqualTo(found);
		assertThat(export(conv)).isEqualTo(csv).contains(this.word);
		// the archive does not open a conversation to anyone who could not read it
		assertThat(api().get("/api/conversations/" + conv + "/messages", this.stranger.token()).status())
			.isEqualTo(403);
		assertThat(search(this.stranger, "q=" + this.word).data().path("results")).isEmpty();

		// a new message takes the next seq; a page spans the hot and the archived rows
		send(conv, this.customer, "after the archive " + this.word);
		JsonPage page = page(conv, "limit=2");
		assertThat(page.seqs()).containsExactly(total, total + 1);
		assertThat(hot(conv)).isEqualTo(1);

		// a reply quotes an archived message, and an archived message takes reactions
		// (V151)
		long quoted = 0;
		for (var message : api().get("/api/conversations/" + conv + "/messages?limit=100", this.customer.token())
			.data()
			.path("messages")) {
			if (message.path("content").asText().contains(this.word)) {
				quoted = message.path("seq").asLong();
				break;
			}
		}
		Response reply = api().post("/api/conversations/" + conv + "/messages", this.performer.token(),
				Api.json(Map.of("content", "re " + this.word, "replyTo", quoted)));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.data().path("message").path("replyTo").path("deleted").asBoolean()).isFalse();
		assertThat(reply.data().path("message").path("replyTo").path("excerpt").asText()).as(reply.toString())
			.contains(this.word);
		String thumbsUp = "/api/conversations/" + conv + "/messages/" + quoted + "/reactions/%F0%9F%91%8D";
		Response reacted = api().put(thumbsUp, this.customer.token(), null);
		assertThat(reacted.status()).as(reacted.toString()).isEqualTo(200);
		assertThat(reacted.data().path("reactions").get(0).path("count").asInt()).isEqualTo(1);
		assertThat(api().get("/api/conversations/" + conv + "/messages?limit=100", this.customer.token()).text())
			.contains("\"userIds\":[\"" + this.customer.id() + "\"]");
		assertThat(api().delete(thumbsUp, this.customer.token()).data().path("reactions")).isEmpty();
		assertThat(hot(conv)).isEqualTo(2);
		assertThat(api().get("/api/unread", this.performer.token()).text()).contains(conv);
		assertThat(contentOf(search(this.customer, "q=" + this.word + "&conversationId=" + conv))).hasSize(8);
	}

	@Test
	void attachmentsStayWithTheirArchivedMessage() {
		Map<String, String> order = finishedOrder(1);
		UUID conv = UUID.fromString(order.get("conv"));
		UUID message = this.jdbc.sql("SELECT id FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1")
			.param(conv)
			.query(UUID.class)
			.single();
		UUID attachment = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO attachments (id, uploader_id, conversation_id, message_id, storage_key, file_name, "
				+ "content_type, file_size, created_at) VALUES (?, ?, ?, ?, 'k', 'receipt.pdf', 'application/pdf', 1, ?)")
			.params(attachment, this.customer.id(), conv, message, Timestamps.column(Timestamps.now(this.clock)))
			.update();
		makeOld(order);

		this.archiver.run();

		assertThat(hot(order.get("conv"))).isZero();
		assertThat(this.jdbc.sql("SELECT message_id FROM attachments WHERE id = ?")
			.param(attachment)
			.query(UUID.class)
			.optional()).contains(message);
	}

	@Test
	void anOpenDisputeHoldsItsOrderUntilItIsDecided() {
		Map<String, String> order = finishedOrder(3);
		Response opened = api().post("/api/orders/" + order.get("order") + "/disputes", this.customer.token(),
				Api.json(Map.of("reason", "never arrived")));
		assertThat(opened.status() / 100).as(opened.toString()).isEqualTo(2);
		makeOld(order);
		long total = hot(order.get("conv"));

		this.archiver.run();

		assertThat(archived(order.get("conv"))).isZero();
		assertThat(hot(order.get("conv"))).isEqualTo(total);
	}

	@Test
	void aRunnerWaitsWhileAnotherNodeHoldsTheLeaseAndOneThatLostItStops() {
		Map<String, String> order = finishedOrder(2);
		makeOld(order);
		long total = hot(order.get("conv"));
		Instant now = Timestamps.now(this.clock);
		assertThat(this.lease.take("another-node", now, Duration.ofMinutes(5))).isTrue();
		try {
			assertThat(this.archiver.run()).isEqualTo(ArchiveRun.NOT_LEADER);
			assertThat(archived(order.get("conv"))).isZero();

			// another node takes over the expired lease of a runner that stalled: the
			// stalled one moves nothing more
			this.jdbc.sql("UPDATE archive_lease SET lease_until = ? WHERE name = 'archiver'")
				.param(Timestamps.column(now.minusSeconds(1)))
				.update();
			Archiver stalled = archiver(this.archive);
			assertThat(stalled.run().leader()).isTrue();
			assertThat(archived(order.get("conv"))).isEqualTo(total);
		}
		finally {
			this.lease.release("another-node");
		}
	}

	@Test
	void twoRunnersAtOnceMoveEveryConversationOnce() throws Exception {
		List<Map<String, String>> orders = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			orders.add(finishedOrder(3));
		}
		orders.forEach(this::makeOld);
		long each = hot(orders.getFirst().get("conv"));
		CyclicBarrier start = new CyclicBarrier(2);
		Archiver other = archiver(this.archive);
		CompletableFuture<ArchiveRun> first = CompletableFuture.supplyAsync(() -> startTogether(start, this.archiver));
		CompletableFuture<ArchiveRun> second = CompletableFuture.supplyAsync(() -> startTogether(start, other));

		ArchiveRun a = first.get();
		ArchiveRun b = second.get();

		assertThat(a.messages() + b.messages()).isEqualTo(orders.size() * each);
		for (Map<String, String> order : orders) {
			assertThat(hot(order.get("conv"))).isZero();
			assertThat(archived(order.get("conv"))).isEqualTo(each);
		}
	}

	@Test
	void aRunThatFailsHalfWayLeavesEveryConversationWholeAndTheNextRunFinishes() {
		List<Map<String, String>> orders = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			orders.add(finishedOrder(3));
		}
		orders.forEach(this::makeOld);
		long each = hot(orders.getFirst().get("conv"));
		Archiver failing = archiver(new MessageArchive(this.jdbc) {

			int moves;

			@Override
			int move(UUID conversation, Instant at) {
				int moved = super.move(conversation, at);
				if (++this.moves == 3) {
					throw new IllegalStateException("the node dies here");
				}
				return moved;
			}

		});

		assertThatThrownBy(failing::run).hasMessage("the node dies here");

		int whole = 0;
		for (Map<String, String> order : orders) {
			long hot = hot(order.get("conv"));
			long archived = archived(order.get("conv"));
			assertThat(hot == 0 || archived == 0).as("hot %d, archived %d", hot, archived).isTrue();
			whole += (archived == each) ? 1 : 0;
		}
		assertThat(whole).isEqualTo(2);
		// the failed run's lease is still held: the next run waits for it to run out
		this.jdbc.sql("UPDATE archive_lease SET lease_until = ? WHERE name = 'archiver'")
			.param(Timestamps.column(Timestamps.now(this.clock).minusSeconds(1)))
			.update();
		this.archiver.run();
		for (Map<String, String> order : orders) {
			assertThat(hot(order.get("conv"))).isZero();
			assertThat(archived(order.get("conv"))).isEqualTo(each);
		}
	}

	@BeforeEach
	void noRunnerHoldsTheLease() {
		this.jdbc.sql("UPDATE archive_lease SET holder = NULL, lease_until = NULL").update();
	}

	private Archiver archiver(MessageArchive store) {
		return new Archiver(this.lease, this.policy, store,
				new ArchiveProperties(true, AGE, 2, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(5)),
				this.transactions, this.clock, this.registry);
	}

	private static ArchiveRun startTogether(CyclicBarrier start, Archiver archiver) {
		try {
			start.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return archiver.run();
	}

	/**
	 * A completed order whose conversation holds {@code texts} messages and the status
	 * messages of its acceptance and completion.
	 */
	private Map<String, String> finishedOrder(int texts) {
		Response placed = api().post("/api/orders/external", this.admin.token(),
				Api.json(Map.of("externalId", "archive-" + UUID.randomUUID(), "customer",
						Map.of("id", this.customer.id(), "name", this.customer.name()), "performer",
						Map.of("id", this.performer.id(), "name", this.performer.name()), "title", "Groceries")));
		assertThat(placed.status() / 100).as(placed.toString()).isEqualTo(2);
		String order = placed.data().path("order").path("id").asString();
		String conv = placed.data().path("chatRoomId").asString();
		Response accepted = api().post("/api/orders/" + order + "/accept", this.moderator.token(), null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		for (int i = 0; i < texts; i++) {
			send(conv, (i % 2 == 0) ? this.customer : this.performer, "Посилка " + i + " " + this.word);
		}
		Response completed = api().patch("/api/orders/" + order + "/status", this.moderator.token(),
				"{\"status\":\"completed\"}");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		return Map.of("order", order, "conv", conv);
	}

	/** Moves the order and its conversation back past the archiving age. */
	private void makeOld(Map<String, String> order) {
		Object old = Timestamps.column(Timestamps.now(this.clock).minus(AGE).minusSeconds(3600));
		this.jdbc.sql("UPDATE conversations SET updated_at = ? WHERE id = ?")
			.params(old, UUID.fromString(order.get("conv")))
			.update();
		this.jdbc.sql("UPDATE orders SET updated_at = ? WHERE id = ?")
			.params(old, UUID.fromString(order.get("order")))
			.update();
	}

	private long hot(String conv) {
		return count("messages", conv);
	}

	private long archived(String conv) {
		return count("messages_archive", conv);
	}

	private long count(String table, String conv) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE conversation_id = ?")
			.param(UUID.fromString(conv))
			.query(Long.class)
			.single();
	}

	private void send(String conv, Person sender, String content) {
		Response sent = api().post("/api/conversations/" + conv + "/messages", sender.token(),
				Api.json(Map.of("content", content)));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
	}

	private JsonPage page(String conv, String query) {
		Response response = api().get("/api/conversations/" + conv + "/messages?" + query, this.customer.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Long> seqs = new ArrayList<>();
		response.data().path("messages").forEach((message) -> seqs.add(message.path("seq").asLong()));
		return new JsonPage(seqs);
	}

	/** The CSV transcript, as downloaded (the API client reads JSON only). */
	private String export(String conv) {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(HttpRequest
				.newBuilder(URI
					.create("http://localhost:" + this.port + "/api/conversations/" + conv + "/export?format=csv"))
				.header("Authorization", "Bearer " + this.customer.token())
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
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

	private record JsonPage(List<Long> seqs) {
	}

}
