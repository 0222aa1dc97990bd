package io.orderchat.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sends that arrive together are stored together (one transaction per batch): the batch
 * must keep every guarantee of a single send, and refuse only the sends that deserve it.
 */
class GroupCommitIT extends IntegrationTest {

	@Autowired
	ConversationManagement conversations;

	@Autowired
	ConversationHistory history;

	@Autowired
	Messaging messaging;

	@Autowired
	Membership membership;

	@Autowired
	OrderManagement orders;

	final Person admin = person("Ada Admin", Role.ADMIN);

	final Person stranger = person("Xavier Stranger", Role.PERFORMER);

	@Test
	void aBurstAcrossConversationsIsStoredGapFreeOnceEachAndRefusesOnlyTheStranger() throws Exception {
		int rooms = 6;
		int sendersPerRoom = 8;
		int each = 10;
		List<ConversationId> ids = new ArrayList<>();
		List<Person[]> members = new ArrayList<>();
		for (int r = 0; r < rooms; r++) {
			Person customer = person("Carla Customer", Role.CUSTOMER);
			Person performer = person("Pete Performer", Role.PERFORMER);
			members.add(new Person[] { customer, performer });
			ids.add(this.orders
				.registerExternal(this.admin.caller(),
						new ExternalOrder("batch-" + UUID.randomUUID(), new Party(customer.id(), customer.name()),
								new Party(performer.id(), performer.name()), null, null))
				.order()
				.conversationId());
		}
		int threads = rooms * sendersPerRoom + 2;
		CyclicBarrier start = new CyclicBarrier(threads);
		List<Future<Object>> outcomes = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int t = 0; t < rooms * sendersPerRoom; t++) {
				int room = t % rooms;
				Person who = members.get(room)[(t / rooms) % 2];
				int sender = t;
				outcomes.add(pool.submit(() -> {
					start.await();
					for (int n = 0; n < each; n++) {
						// the same client id from the same sender twice: stored once
						String clientId = (n == 0) ? "first-" + who.id() : null;
						this.messaging.send(who.caller(), ids.get(room), NewMessage.text(sender + "/" + n, clientId));
					}
					return null;
				}));
			}
			outcomes.add(pool.submit(() -> {
				start.await();
				try {
					this.messaging.send(this.stranger.caller(), ids.getFirst(), NewMessage.text("let me in", null));
					return "stored";
				}
				catch (DomainException ex) {
					return ex.code();
				}
			}));
			outcomes.add(pool.submit(() -> {
				start.await();
				try {
					this.messaging.send(this.admin.caller(), new ConversationId(UUID.randomUUID()),
							NewMessage.text("nowhere", null));
					return "stored";
				}
				catch (DomainException ex) {
					return ex.code();
				}
			}));
			for (Future<Object> outcome : outcomes.subList(0, rooms * sendersPerRoom)) {
				outcome.get();
			}
			assertThat(outcomes.get(rooms * sendersPerRoom).get()).isEqualTo(ErrorCode.FORBIDDEN);
			assertThat(outcomes.get(rooms * sendersPerRoom + 1).get()).isEqualTo(ErrorCode.NOT_FOUND);
		}

		for (int r = 0; r < rooms; r++) {
			List<Message> stored = all(members.get(r)[0], ids.get(r));
			List<Message> texts = stored.stream().filter((m) -> m.type() == MessageType.TEXT).toList();
			// each of the 2 members' first message went out from 4 threads with one
			// client id
			assertThat(texts).hasSize(sendersPerRoom * each - (sendersPerRoom - 2));
			assertThat(texts).noneMatch((m) -> m.content().equals("let me in"));
			for (int i = 0; i < stored.size(); i++) {
				assertThat(stored.get(i).seq()).isEqualTo(i + 1);
			}
			assertThat(this.conversations.find(ids.get(r)).orElseThrow().lastSeq()).isEqualTo(stored.size());
		}
		List<MessagePosted> posted = this.events.of(MessagePosted.class)
			.stream()
			.filter((event) -> ids.contains(event.message().conversationId()))
			.filter((event) -> event.message().type() == MessageType.TEXT)
			.toList();
		assertThat(posted).hasSize(rooms * (sendersPerRoom * each - (sendersPerRoom - 2)));
		assertThat(posted).allSatisfy((event) -> assertThat(event.recipientUserIds()).hasSize(2));
	}

	@Test
	void refusesWhoLeftAndAClosedConversationAtOnceAndKnowsResentClientIdsPerSender() {
		Person customer = person("Carla Customer", Role.CUSTOMER);
		Person performer = person("Pete Performer", Role.PERFORMER);
		ConversationId id = this.orders
			.registerExternal(this.admin.caller(),
					new ExternalOrder("batch-" + UUID.randomUUID(), new Party(customer.id(), customer.name()),
							new Party(performer.id(), performer.name()), null, null))
			.order()
			.conversationId();
		SendResult first = this.messaging.send(customer.caller(), id, NewMessage.text("one", "same-id"));
		// the same client id from another sender is another message
		SendResult other = this.messaging.send(performer.caller(), id, NewMessage.text("two", "same-id"));
		assertThat(other.duplicate()).isFalse();
		assertThat(other.message().id()).isNotEqualTo(first.message().id());
		SendResult resent = this.messaging.send(customer.caller(), id, NewMessage.text("one again", "same-id"));
		assertThat(resent.duplicate()).isTrue();
		assertThat(resent.message().id()).isEqualTo(first.message().id());

		this.membership.removeParticipant(this.admin.caller(), id, performer.id(), null);
		assertThatThrownBy(() -> this.messaging.send(performer.caller(), id, NewMessage.text("still here?", null)))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
		this.membership.addParticipant(this.admin.caller(), id,
				new Member(performer.id(), performer.name(), Role.PERFORMER), null);
		assertThat(this.messaging.send(performer.caller(), id, NewMessage.text("back", null)).duplicate()).isFalse();

		this.conversations.close(id, null, null);
		assertThatThrownBy(() -> this.messaging.send(customer.caller(), id, NewMessage.text("hello?", null)))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONVERSATION_CLOSED));
		assertThat(all(customer, id).stream().filter((m) -> m.type() == MessageType.TEXT).map(Message::content))
			.containsExactly("one", "two", "back");
	}

	private List<Message> all(Person reader, ConversationId id) {
		List<Message> all = new ArrayList<>();
		HistoryPage page = this.history.history(reader.caller(), id, null, 0L, ConversationHistory.MAX_PAGE);
		all.addAll(page.messages());
		while (page.hasMore()) {
			page = this.history.history(reader.caller(), id, null, all.getLast().seq(), ConversationHistory.MAX_PAGE);
			all.addAll(page.messages());
		}
		return all;
	}

}
