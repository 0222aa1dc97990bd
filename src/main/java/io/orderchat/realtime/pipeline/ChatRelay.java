package io.orderchat.realtime.pipeline;

import java.util.HashSet;
import java.util.Set;

import org.springframework.transaction.event.TransactionalEventListener;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationRef;
import io.orderchat.conversations.MessageDeleted;
import io.orderchat.conversations.MessagePosted;
import io.orderchat.conversations.Participant;
import io.orderchat.conversations.ParticipantJoined;
import io.orderchat.conversations.ParticipantLeft;
import io.orderchat.conversations.ReactionsChanged;
import io.orderchat.conversations.ReadHorizonMoved;
import io.orderchat.identity.TokensRevoked;
import io.orderchat.orders.OrderStatusChanged;
import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.events.Subject;

/**
 * Publishes the chat's committed domain events. Runs after commit, so a client never
 * hears of a message that is not stored; publishing only queues, so the thread that
 * committed renders nothing.
 */
public class ChatRelay {

	private final EventBus bus;

	public ChatRelay(EventBus bus) {
		this.bus = bus;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MessagePosted event) {
		String id = event.message().conversationId().toString();
		Subject subject = Subjects.of(event.conversation());
		this.bus.publish(new Delivery(Audience.conversation(id), new ChatEvent.MessageAdded(subject, event.message())));
		Set<String> others = new HashSet<>(event.recipientUserIds());
		if (event.message().senderId() != null) {
			others.remove(event.message().senderId());
		}
		if (!others.isEmpty()) {
			this.bus.publish(new Delivery(Audience.users(others).exceptMembersOf(id),
					new ChatEvent.Notification(subject, event.message())));
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MessageDeleted event) {
		ConversationId id = event.conversationId();
		this.bus.publish(new Delivery(Audience.conversation(id.toString()),
				new ChatEvent.MessageRemoved(Subjects.of(event.conversation()), event.messageId().toString(),
						event.seq(), event.byUserId(), event.at())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ReactionsChanged event) {
		this.bus.publish(new Delivery(Audience.conversation(event.conversationId().toString()),
				new ChatEvent.ReactionsChanged(Subjects.of(event.conversation()), event.messageId().toString(),
						event.seq(), event.byUserId(), event.reactions())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ReadHorizonMoved event) {
		ConversationId id = event.conversationId();
		Subject subject = Subjects.of(event.conversation());
		this.bus.publish(new Delivery(Audience.conversation(id.toString()).exceptUser(event.userId()),
				new ChatEvent.ReadUpTo(subject, event.userId(), event.seq(), event.at())));
		// the reader's devices, joined or not: a read on the phone clears the laptop's
		// badge
		this.bus.publish(new Delivery(Audience.users(event.userId()),
				new ChatEvent.OwnReadMoved(subject, event.userId(), event.seq(), event.unreadCount(), event.at())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ParticipantJoined event) {
		publishParticipant(event.conversation(), event.participant(), true);
	}

	/**
	 * The receiving side takes the participant's sockets out of the conversation before
	 * it delivers this, on every node.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ParticipantLeft event) {
		publishParticipant(event.conversation(), event.participant(), false);
	}

	/**
	 * To every node, whether it has sockets of the user or not: each must learn the
	 * revocation to refuse the old tokens itself.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(TokensRevoked event) {
		this.bus.publish(new Delivery(Audience.users(event.userId()),
				new ChatEvent.SignedOut(event.userId(), event.notBefore())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OrderStatusChanged event) {
		String id = event.conversationId().toString();
		ChatEvent changed = new ChatEvent.OrderStatusChanged(Subjects.order(event.conversationId(), event.orderId()),
				event.orderId().toString(), event.from(), event.to(), event.byUserId(), event.notes(), event.at(),
				event.statusName());
		this.bus.publish(new Delivery(Audience.conversation(id), changed));
		this.bus.publish(new Delivery(
				Audience.users(event.order().customerId(), event.order().performerId(), event.order().moderatorId())
					.exceptMembersOf(id),
				changed));
	}

	private void publishParticipant(ConversationRef conversation, Participant participant, boolean added) {
		this.bus
			.publish(new Delivery(Audience.conversation(conversation.id().toString()), new ChatEvent.ParticipantChanged(
					Subjects.of(conversation), participant.userId(), participant.name(), participant.role(), added)));
	}

}
