package io.orderchat.conversations;

import java.util.List;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.orders.ExternalOrder;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.Party;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class RepliesAndReactionsIT extends IntegrationTest {

	@Autowired
	Messaging messaging;

	@Autowired
	MessageReactions reactions;

	@Autowired
	ConversationHistory history;

	@Autowired
	OrderManagement orders;

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Pete Performer", Role.PERFORMER);

	final Person admin = person("Ada Admin", Role.ADMIN);

	ConversationId conversation;

	@BeforeEach
	void anOrderBetweenCustomerAndPerformer() {
		this.conversation = order();
	}

	@Test
	void aReplyQuotesItsOriginalAndShowsItDeletedOnceTheOriginalIsDeleted() {
		Message original = send(this.customer, "Can you deliver on Friday?", null);
		Message reply = send(this.performer, "Yes, Friday works", original.seq());

		assertThat(reply.replyTo())
			.isEqualTo(new Quote(original.seq(), "Carla Customer", "Can you deliver on Friday?", false));
		assertThat(latest(this.customer).replyTo()).isEqualTo(reply.replyTo());

		this.messaging.delete(this.customer.caller(), original.id());

		assertThat(latest(this.customer).replyTo()).isEqualTo(new Quote(original.seq(), null, null, true));
	}

	@Test
	void refusesToQuoteAMissingADeletedAnotherConversationsOrAStaffOnlyMessage() {
		Message deleted = send(this.customer, "oops", null);
		this.messaging.delete(this.customer.caller(), deleted.id());
		Message note = this.messaging.addNote(this.admin.caller(), this.conversation, "internal: customer is rude");
		ConversationId other = order();
		Message elsewhere = this.messaging.send(this.customer.caller(), other, NewMessage.text("elsewhere", null))
			.message();

		assertThat(refusal(() -> send(this.customer, "reply", 999L))).isEqualTo(ErrorCode.REPLY_TO_INVALID);
		assertThat(refusal(() -> send(this.customer, "reply", deleted.seq()))).isEqualTo(ErrorCode.REPLY_TO_INVALID);
		assertThat(refusal(() -> send(this.customer, "reply", note.seq()))).isEqualTo(ErrorCode.REPLY_TO_INVALID);
		assertThat(refusal(() -> send(this.admin, "reply", note.seq()))).isEqualTo(ErrorCode.REPLY_TO_INVALID);
		assertThat(elsewhere.seq()).isGreaterThan(0);
		assertThat(refusal(() -> send(this.customer, "reply", elsewhere.seq() + 5)))
			.isEqualTo(ErrorCode.REPLY_TO_INVALID);
	}

	@Test
	void countsReactionsPerEmojiOncePerUserAndAddingOrRemovingTwiceChangesNothing() {
		Message message = send(this.customer, "Delivered!", null);

		react(this.customer, message, "👍", true);
		react(this.customer, message, "👍", true);
		react(this.performer, message, "👍", true);
		ReactionsChanged last = react(this.performer, message, "🎉", true);

		assertThat(last.reactions()).containsExactly(
				new Reaction("👍", List.of(this.customer.id(), this.performer.id())),
				new Reaction("🎉", List.of(this.performer.id())));
		assertThat(latest(this.customer).reactions()).isEqualTo(last.reactions());

		react(this.customer, message, "👍", false);
		ReactionsChanged again = react(this.customer, message, "👍", false);

		assertThat(again.reactions()).containsExactly(new Reaction("👍", List.of(this.performer.id())),
				new Reaction("🎉", List.of(this.performer.id())));
		assertThat(latest(this.performer).reactions()).isEqualTo(again.reactions());
	}

	@Test
	void aDeletedMessageLosesItsReactionsAndTakesNoMore() {
		Message message = send(this.customer, "Delivered!", null);
		react(this.performer, message, "❤️", true);

		this.messaging.delete(this.customer.caller(), message.id());

		assertThat(latest(this.customer).reactions()).isEmpty();
		assertThat(refusal(() -> react(this.performer, message, "❤️", true))).isEqualTo(ErrorCode.MESSAGE_DELETED);
	}

	@Test
	void refusesAWordAnInternalNoteAndAStrangerAndAMissingMessage() {
		Message message = send(this.customer, "Delivered!", null);
		Message note = this.messaging.addNote(this.admin.caller(), this.conversation, "internal");
		Person stranger = person("Xavier Stranger", Role.PERFORMER);

		assertThat(refusal(() -> react(this.customer, message, "ok", true))).isEqualTo(ErrorCode.EMOJI_INVALID);
		assertThat(refusal(() -> react(this.customer, note, "👍", true))).isEqualTo(ErrorCode.NOT_FOUND);
		assertThat(refusal(() -> react(this.admin, note, "👍", true))).isEqualTo(ErrorCode.FORBIDDEN);
		assertThat(refusal(() -> react(stranger, message, "👍", true))).isEqualTo(ErrorCode.FORBIDDEN);
		assertThat(refusal(() -> this.reactions.react(this.customer.caller(), this.conversation, 999, "👍", true)))
			.isEqualTo(ErrorCode.NOT_FOUND);
	}

	private ConversationId order() {
		return this.orders
			.registerExternal(this.admin.caller(),
					new ExternalOrder("reply-" + UUID.randomUUID(), new Party(this.customer.id(), this.customer.name()),
							new Party(this.performer.id(), this.performer.name()), null, null))
			.order()
			.conversationId();
	}

	private Message send(Person sender, String content, Long replyTo) {
		return this.messaging
			.send(sender.caller(), this.conversation, new NewMessage(MessageType.TEXT, content, null, null, replyTo))
			.message();
	}

	private ReactionsChanged react(Person person, Message message, String emoji, boolean add) {
		return this.reactions.react(person.caller(), this.conversation, message.seq(), emoji, add);
	}

	private Message latest(Person reader) {
		return this.history.history(reader.caller(), this.conversation, null, null, null).messages().getLast();
	}

	private static ErrorCode refusal(Runnable action) {
		try {
			action.run();
		}
		catch (DomainException ex) {
			return ex.code();
		}
		throw new AssertionError("expected a refusal");
	}

}
