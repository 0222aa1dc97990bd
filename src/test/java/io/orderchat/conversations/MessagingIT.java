package io.orderchat.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.orderchat.identity.Role;
import io.orderchat.orders.ExternalOrder;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.Party;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagingIT extends IntegrationTest {

	@Autowired
	ConversationManagement conversations;

	@Autowired
	ConversationAccess conversationAccess;

	@Autowired
	ConversationHistory history;

	@Autowired
	Inbox inbox;

	@Autowired
	Messaging messaging;

	@Autowired
	Membership membership;

	@Autowired
	OrderManagement orders;

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Pete Performer", Role.PERFORMER);

	final Person stranger = person("Xavier Stranger", Role.PERFORMER);

	final Person admin = person("Ada Admin", Role.ADMIN);

	ConversationId conversation;

	String path;

	@BeforeEach
	void anOrderBetweenCustomerAndPerformer() {
		this.conversation = this.orders
			.registerExternal(this.admin.caller(),
					new ExternalOrder("msg-" + UUID.randomUUID(), new Party(this.customer.id(), this.customer.name()),
							new Party(this.performer.id(), this.performer.name()), null, null))
			.order()
			.conversationId();
		this.path = "/api/conversations/" + this.conversation;
	}

	@Test
	void storesATrimmedMessageWithTheNextSeqAndStoresAResendOnce() {
		Response sent = api().post(this.path + "/messages", this.customer.token(),
				"{\"content\":\"  Hello there  \",\"clientId\":\"c-1\"}");
		Response resent = api().post(this.path + "/messages", this.customer.token(),
				"{\"content\":\"  Hello there  \",\"clientId\":\"c-1\"}");

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		JsonNode message = sent.data().path("message");
		assertThat(message.path("content").asString()).isEqualTo("Hello there");
		assertThat(message.path("seq").asLong()).isEqualTo(2);
		assertThat(message.path("senderId").asString()).isEqualTo(this.customer.id());
		assertThat(message.path("senderRole").asString()).isEqualTo("customer");
		assertThat(message.path("clientId").asString()).isEqualTo("c-1");
		assertThat(sent.data().path("duplicate").asBoolean()).isFalse();
		assertThat(resent.status()).isEqualTo(200);
		assertThat(resent.data().path("duplicate").asBoolean()).isTrue();
		assertThat(resent.data().path("message").path("id").asString()).isEqualTo(message.path("id").asString());
		assertThat(history(0).messages()).hasSize(2);
		assertThat(this.events.of(MessagePosted.class))
			.filteredOn((event) -> event.message().conversationId().equals(this.conversation))
			.hasSize(2)
			.last()
			.satisfies((event) -> assertThat(event.recipientUserIds()).containsExactlyInAnyOrder(this.customer.id(),
					this.performer.id()));
	}

	@Test
	void opensForAJoinWithOneAccessCheckRunningTheSubscriptionOnlyOnceGranted() {
		List<String> subscribed = new ArrayList<>();

		ConversationView view = this.inbox.open(this.customer.caller(), this.conversation,
				() -> subscribed.add(this.customer.id()));

		assertThat(subscribed).containsExactly(this.customer.id());
		assertThat(view.conversation().id()).isEqualTo(this.conversation);
		assertThatThrownBy(() -> this.inbox.open(this.stranger.caller(), this.conversation,
				() -> subscribed.add(this.stranger.id())))
			.isInstanceOfSatisfying(DomainException.class,
					(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN));
		assertThat(subscribed).containsExactly(this.customer.id());
	}

	@Test
	void storesConcurrentResendsOnce() throws Exception {
		NewMessage message = NewMessage.text("only once", "same-client-id");
		CyclicBarrier start = new CyclicBarrier(4);
		List<SendResult> results = concurrently(4, (i) -> {
			start.await();
			return this.messaging.send(this.customer.caller(), this.conversation, message);
		});

		assertThat(results).filteredOn((result) -> !result.duplicate()).hasSize(1);
		assertThat(results).extracting((result) -> result.message().id())
			.containsOnly(results.getFirst().message().id());
		assertThat(history(0).messages()).filteredOn((stored) -> "only once".equals(stored.content())).hasSize(1);
	}

	@Test
	void numbersMessagesWithoutGapsUnderEightConcurrentSenders() throws Exception {
		int senders = 8;
		int each = 20;
		CyclicBarrier start = new CyclicBarrier(senders);
		concurrently(senders, (i) -> {
			start.await();
			Person who = (i % 2 == 0) ? this.customer : this.performer;
			for (int n = 0; n < each; n++) {
				this.messaging.send(who.caller(), this.conversation, NewMessage.text(i + "/" + n, null));
			}
			return null;
		});

		List<Long> seqs = new ArrayList<>();
		HistoryPage page = history(0);
		seqs.addAll(page.messages().stream().map(Message::seq).toList());
		while (page.hasMore()) {
			page = history(seqs.getLast());
			seqs.addAll(page.messages().stream().map(Message::seq).toList());
		}
		long expected = 1 + (long) senders * each;
		assertThat(seqs).hasSize((int) expected);
		for (int i = 0; i < seqs.size(); i++) {
			assertThat(seqs.get(i)).isEqualTo(i + 1);
		}
		assertThat(this.conversations.find(this.conversation).orElseThrow().lastSeq()).isEqualTo(expected);
	}

	@Test
	void countsUnreadExactlyAcrossTwoDevicesOfOneUser() {
		String phone = this.customer.token();
		String laptop = this.customer.token();
		for (int i = 1; i <= 3; i++) {
			api().post(this.path + "/messages", this.performer.token(), "{\"content\":\"update " + i + "\"}");
		}

		// The system message and the performer's three.
		assertThat(unread(phone)).isEqualTo(4);
		assertThat(unread(laptop)).isEqualTo(4);

		Response read = api().post(this.path + "/read", laptop, "{\"seq\":3}");
		assertThat(read.data().path("readSeq").asLong()).isEqualTo(3);
		assertThat(read.data().path("unreadCount").asLong()).isEqualTo(1);
		assertThat(unread(phone)).isEqualTo(1);
		assertThat(api().get(this.path, phone).data().path("unreadCount").asLong()).isEqualTo(1);

		Response back = api().post(this.path + "/read", phone, "{\"seq\":1}");
		assertThat(back.data().path("readSeq").asLong()).isEqualTo(3);
		assertThat(back.data().path("moved").asBoolean()).isFalse();

		api().post(this.path + "/read", phone, null);
		assertThat(unread(laptop)).isZero();

		api().post(this.path + "/messages", laptop, "{\"content\":\"thanks\"}");
		assertThat(unread(phone)).isZero();
		// The performer has read nothing: the system message, and the customer's reply.
		assertThat(unread(this.performer.token())).isEqualTo(2);

		Response sent = api().post(this.path + "/messages", this.performer.token(), "{\"content\":\"oops\"}");
		assertThat(unread(phone)).isEqualTo(1);
		api().delete("/api/messages/" + sent.data().path("message").path("id").asString(), this.performer.token());
		assertThat(unread(phone)).isZero();
		assertThat(this.events.of(ReadHorizonMoved.class))
			.filteredOn((e) -> e.conversationId().equals(this.conversation))
			.extracting(ReadHorizonMoved::seq)
			.containsExactly(3L, 4L);
	}

	@Test
	void onlyTheSenderOrAnAdminDeletesAndTheSeqStays() {
		Response sent = api().post(this.path + "/messages", this.customer.token(), "{\"content\":\"secret\"}");
		String id = sent.data().path("message").path("id").asString();

		Response byOther = api().delete("/api/messages/" + id, this.performer.token());
		Response bySender = api().delete("/api/messages/" + id, this.customer.token());

		assertThat(byOther.status()).isEqualTo(403);
		assertThat(bySender.status()).as(bySender.toString()).isEqualTo(200);
		assertThat(bySender.data().path("seq").asLong()).isEqualTo(2);
		Message tombstone = history(0).messages().getLast();
		assertThat(tombstone.seq()).isEqualTo(2);
		assertThat(tombstone.deleted()).isTrue();
		assertThat(tombstone.content()).isNull();
		String system = history(0).messages().getFirst().id().toString();
		assertThat(api().delete("/api/messages/" + system, this.admin.token()).status()).isEqualTo(403);
		String other = api().post(this.path + "/messages", this.performer.token(), "{\"content\":\"spam\"}")
			.data()
			.path("message")
			.path("id")
			.asString();
		assertThat(api().delete("/api/messages/" + other, this.admin.token()).status()).isEqualTo(200);
		assertThat(api().delete("/api/messages/" + UUID.randomUUID(), this.admin.token()).status()).isEqualTo(404);
		assertThat(api().delete("/api/messages/not-a-uuid", this.admin.token()).status()).isEqualTo(404);
	}

	@Test
	void refusesEmptyTooLongAndNonTextContent() {
		Response empty = api().post(this.path + "/messages", this.customer.token(), "{\"content\":\"   \"}");
		Response missing = api().post(this.path + "/messages", this.customer.token(), "{}");
		Response tooLong = api().post(this.path + "/messages", this.customer.token(),
				Api.json(java.util.Map.of("content", "x".repeat(4001))));
		Response longest = api().post(this.path + "/messages", this.customer.token(),
				Api.json(java.util.Map.of("content", "x".repeat(4000))));
		Response system = api().post(this.path + "/messages", this.customer.token(),
				"{\"content\":\"hi\",\"type\":\"system\"}");
		Response image = api().post(this.path + "/messages", this.customer.token(),
				"{\"content\":\"hi\",\"type\":\"image\"}");

		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.errorCode()).isEqualTo("CONTENT_EMPTY");
		assertThat(missing.errorCode()).isEqualTo("CONTENT_EMPTY");
		assertThat(tooLong.status()).isEqualTo(413);
		assertThat(tooLong.errorCode()).isEqualTo("CONTENT_TOO_LONG");
		assertThat(longest.status()).isEqualTo(201);
		assertThat(system.status()).isEqualTo(403);
		assertThat(image.status()).isEqualTo(400);
	}

	@Test
	void pagesHistoryBySeq() {
		for (int i = 0; i < 9; i++) {
			this.messaging.send(this.customer.caller(), this.conversation, NewMessage.text("m" + i, null));
		}

		assertThat(seqs(api().get(this.path + "/messages?limit=3", this.customer.token()))).containsExactly(8L, 9L,
				10L);
		assertThat(api().get(this.path + "/messages?limit=3", this.customer.token()).data().path("hasMore").asBoolean())
			.isTrue();
		assertThat(seqs(api().get(this.path + "/messages?before=5&limit=2", this.customer.token()))).containsExactly(3L,
				4L);
		assertThat(seqs(api().get(this.path + "/messages?after=8", this.customer.token()))).containsExactly(9L, 10L);
		assertThat(seqs(api().get(this.path + "/messages?after=2&before=5", this.customer.token()))).containsExactly(3L,
				4L);
		assertThat(api().get(this.path + "/messages?limit=0", this.customer.token()).status()).isEqualTo(400);
		assertThat(api().get(this.path + "/messages?limit=201", this.customer.token()).status()).isEqualTo(400);
		assertThat(api().get(this.path + "/messages?limit=abc", this.customer.token()).status()).isEqualTo(400);
	}

	@Test
	void listsMyConversationsWithUnreadAndLastMessage() {
		this.messaging.send(this.performer.caller(), this.conversation, NewMessage.text("latest", null));

		Response mine = api().get("/api/conversations", this.customer.token());

		assertThat(mine.status()).isEqualTo(200);
		JsonNode summary = mine.data().get(0);
		assertThat(summary.path("conversation").path("id").asString()).isEqualTo(this.conversation.toString());
		assertThat(summary.path("unreadCount").asLong()).isEqualTo(2);
		assertThat(summary.path("lastMessage").path("content").asString()).isEqualTo("latest");
		assertThat(api().get("/api/conversations", this.stranger.token()).data().size()).isZero();
	}

	@Test
	void staffObserveByKindAndStrangersAreRefusedByTheService() {
		Person moderator = person("Mona Moderator", Role.MODERATOR);
		Person support = person("Sam Support", Role.SUPPORT);

		// a moderator reads an order's chat only while assigned to it (DIALECTS.md §0.2)
		assertThat(this.conversationAccess.mayAccess(moderator.caller(), this.conversation)).isFalse();
		assertThat(this.conversationAccess.mayAccess(this.admin.caller(), this.conversation)).isTrue();
		assertThat(this.conversationAccess.mayAccess(support.caller(), this.conversation)).isFalse();
		assertThat(this.conversationAccess.mayAccess(this.stranger.caller(), this.conversation)).isFalse();
		assertThat(this.membership.participants(this.conversation).stream().map(Participant::userId))
			.containsExactlyInAnyOrder(this.customer.id(), this.performer.id());
		assertThatThrownBy(() -> this.history.history(this.stranger.caller(), this.conversation, null, null, null))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
		assertThatThrownBy(() -> this.messaging.send(this.stranger.caller(), this.conversation,
				NewMessage.text("let me in", null)))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
		ReadReceipt observed = this.inbox.markRead(this.admin.caller(), this.conversation, null);
		assertThat(observed.moved()).isFalse();
		assertThat(api().get("/api/conversations/" + UUID.randomUUID(), this.customer.token()).status()).isEqualTo(404);
		assertThat(api().get("/api/conversations/nope", this.customer.token()).status()).isEqualTo(404);
	}

	private HistoryPage history(long after) {
		return this.history.history(this.customer.caller(), this.conversation, null, after, 200);
	}

	private long unread(String token) {
		Response unread = api().get("/api/unread", token);
		assertThat(unread.status()).as(unread.toString()).isEqualTo(200);
		for (JsonNode count : unread.data().path("conversations")) {
			if (count.path("conversationId").asString().equals(this.conversation.toString())) {
				return count.path("unreadCount").asLong();
			}
		}
		throw new AssertionError("conversation missing from " + unread);
	}

	private static List<Long> seqs(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Long> seqs = new ArrayList<>();
		response.data().path("messages").forEach((message) -> seqs.add(message.path("seq").asLong()));
		return seqs;
	}

	private static <T> List<T> concurrently(int threads, IndexedTask<T> task) throws Exception {
		List<T> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int index = i;
				futures.add(pool.submit((Callable<T>) () -> task.run(index)));
			}
			for (Future<T> future : futures) {
				results.add(future.get());
			}
		}
		return results;
	}

	interface IndexedTask<T> {

		T run(int index) throws Exception;

	}

}
