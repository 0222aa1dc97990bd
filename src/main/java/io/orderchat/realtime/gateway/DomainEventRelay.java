package io.orderchat.realtime.gateway;

import java.util.HashSet;
import java.util.Set;

import org.springframework.transaction.event.TransactionalEventListener;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.MessageDeleted;
import io.orderchat.conversations.MessagePosted;
import io.orderchat.conversations.Participant;
import io.orderchat.conversations.ParticipantJoined;
import io.orderchat.conversations.ParticipantLeft;
import io.orderchat.conversations.ReadHorizonMoved;
import io.orderchat.orders.OrderStatusChanged;
import io.orderchat.realtime.gateway.RealtimeEvent.Subject;

/**
 * Turns committed domain events into realtime events. Runs after commit, so a client
 * never hears of a message that is not stored.
 */

class DomainEventRelay {

	private final Fanout fanout;

	private final Subjects subjects;

	private final RoomMembership rooms;

	private final RealtimeMetrics metrics;

	DomainEventRelay(Fanout fanout, Subjects subjects, RoomMembership rooms, RealtimeMetrics metrics) {
		this.fanout = fanout;
		this.subjects = subjects;
		this.rooms = rooms;
		this.metrics = metrics;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MessagePosted event) {
		ConversationId id = event.message().conversationId();
		Subject subject = this.subjects.of(id);
		this.fanout.toConversation(id, new RealtimeEvent.MessageAdded(subject, event.message()));
		Set<String> others = new HashSet<>(event.recipientUserIds());
		if (event.message().senderId() != null) {
			others.remove(event.message().senderId());
		}
		this.fanout.toUsers(others, new RealtimeEvent.Notification(subject, event.message()), Rooms.conversation(id));
		this.metrics.delivered(event.message().createdAt());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MessageDeleted event) {
		ConversationId id = event.conversationId();
		this.fanout.toConversation(id, new RealtimeEvent.MessageRemoved(this.subjects.of(id),
				event.messageId().toString(), event.seq(), event.byUserId(), event.at()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ReadHorizonMoved event) {
		ConversationId id = event.conversationId();
		this.fanout.toConversation(id,
				new RealtimeEvent.ReadUpTo(this.subjects.of(id), event.userId(), event.seq(), event.at()),
				Rooms.user(event.userId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ParticipantJoined event) {
		Participant participant = event.participant();
		this.fanout.toConversation(event.conversationId(),
				new RealtimeEvent.ParticipantChanged(this.subjects.of(event.conversationId()), participant.userId(),
						participant.name(), participant.role(), true));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ParticipantLeft event) {
		Participant participant = event.participant();
		this.rooms.evict(participant.userId(), event.conversationId());
		this.fanout.toConversation(event.conversationId(),
				new RealtimeEvent.ParticipantChanged(this.subjects.of(event.conversationId()), participant.userId(),
						participant.name(), participant.role(), false));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OrderStatusChanged event) {
		ConversationId id = event.conversationId();
		RealtimeEvent changed = new RealtimeEvent.OrderStatusChanged(this.subjects.of(id), event.orderId().toString(),
				event.from(), event.to(), event.byUserId(), event.notes(), event.at());
		this.fanout.toConversation(id, changed);
		this.fanout.toUsers(
				Fanout.parties(event.order().customerId(), event.order().performerId(), event.order().moderatorId()),
				changed, Rooms.conversation(id));
	}

}
