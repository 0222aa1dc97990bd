package io.orderchat.realtime.pipeline;

import io.orderchat.conversations.ConversationCleaned;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.InternalNoteAdded;
import io.orderchat.disputes.Dispute;
import io.orderchat.disputes.DisputeOpened;
import io.orderchat.disputes.DisputeStatusChanged;
import io.orderchat.identity.Role;
import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.events.StaffEvent;
import io.orderchat.realtime.events.Subject;
import io.orderchat.moderation.Transfer;
import io.orderchat.moderation.ModeratorChanged;
import io.orderchat.moderation.OrderAccepted;
import io.orderchat.moderation.TransferDeclined;
import io.orderchat.moderation.TransferInitiated;
import io.orderchat.orders.OrderCreated;
import io.orderchat.support.SupportSession;
import io.orderchat.support.SupportSessionAccepted;
import io.orderchat.support.SupportSessionCreated;
import io.orderchat.support.SupportSessionStatusChanged;

import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes the staff workflows' committed domain events as {@link StaffEvent}s: to the
 * conversation's live sockets, and to the people who must act or know but may not have
 * joined it (the target of a transfer, the parties of a dispute, the moderator queue, the
 * support queue). Runs after commit, like {@link ChatRelay}.
 */
public class StaffRelay {

	private final EventBus bus;

	public StaffRelay(EventBus bus) {
		this.bus = bus;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OrderCreated event) {
		StaffEvent queued = new StaffEvent.OrderQueued(event.order());
		this.bus.publish(new Delivery(Audience.staff(Role.MODERATOR, Role.ADMIN), queued));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OrderAccepted event) {
		toConversation(event.conversationId(),
				new StaffEvent.ModeratorJoined(Subjects.order(event.conversationId(), event.orderId()),
						event.orderId().toString(), event.moderatorId(), event.moderatorName()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TransferInitiated event) {
		ConversationId id = event.transfer().conversationId();
		StaffEvent started = new StaffEvent.TransferStarted(transferSubject(event.transfer()), event.transfer());
		toConversation(id, started);
		// The target has usually not joined the chat: they must hear of it to accept it.
		toUsersOutside(id, started, event.transfer().toId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ModeratorChanged event) {
		ConversationId id = event.transfer().conversationId();
		StaffEvent decided = new StaffEvent.TransferDecided(transferSubject(event.transfer()), event.transfer(), true);
		toConversation(id, decided);
		// The previous moderator's sockets have left the room with their participation.
		toUsersOutside(id, decided, event.transfer().fromId(), event.transfer().toId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TransferDeclined event) {
		ConversationId id = event.transfer().conversationId();
		StaffEvent decided = new StaffEvent.TransferDecided(transferSubject(event.transfer()), event.transfer(), false);
		toConversation(id, decided);
		toUsersOutside(id, decided, event.transfer().fromId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ConversationCleaned event) {
		toConversation(event.conversationId(), new StaffEvent.HistoryCleaned(Subjects.of(event.conversation()),
				event.byUserId(), event.byName(), event.messagesRemoved(), event.imagesRemoved()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(InternalNoteAdded event) {
		ConversationId id = event.message().conversationId();
		StaffEvent note = new StaffEvent.NoteAdded(Subjects.of(event.conversation()), event.message());
		// Only the staff room: customers' and performers' sockets are never in it.
		this.bus.publish(new Delivery(Audience.staffOf(id.toString()), note));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SupportSessionCreated event) {
		StaffEvent queued = new StaffEvent.SessionQueued(event.session());
		this.bus.publish(new Delivery(Audience.staff(Role.SUPPORT, Role.ADMIN), queued));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SupportSessionAccepted event) {
		SupportSession session = event.session();
		ConversationId id = session.conversationId();
		StaffEvent accepted = new StaffEvent.SessionAccepted(Subjects.support(session), session);
		toConversation(id, accepted);
		toUsersOutside(id, accepted, session.customerId(), session.agentId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SupportSessionStatusChanged event) {
		SupportSession session = event.session();
		ConversationId id = session.conversationId();
		StaffEvent changed = new StaffEvent.SessionStatusChanged(Subjects.support(session), session, event.from(),
				event.to(), event.byUserId());
		toConversation(id, changed);
		toUsersOutside(id, changed, session.customerId(), session.agentId());
		// seed 003's agents follow every session's status from wherever they are
		Audience agents = Audience.staff(Role.SUPPORT, Role.ADMIN).exceptMembersOf(id.toString());
		if (session.agentId() != null) {
			agents = agents.exceptUser(session.agentId());
		}
		this.bus.publish(new Delivery(agents, new StaffEvent.SessionStatusAnnounced(session, event.to())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DisputeOpened event) {
		Dispute dispute = event.dispute();
		StaffEvent opened = new StaffEvent.DisputeChanged(Subjects.dispute(dispute), dispute, null, dispute.openedBy());
		this.bus.publish(new Delivery(
				Audience.users(dispute.customerId(), dispute.performerId(), dispute.moderatorId()), opened));
		this.bus.publish(new Delivery(Audience.staff(Role.MODERATOR), opened));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DisputeStatusChanged event) {
		Dispute dispute = event.dispute();
		ConversationId id = dispute.conversationId();
		StaffEvent changed = new StaffEvent.DisputeChanged(Subjects.dispute(dispute), dispute, event.statusName(),
				event.byUserId());
		toConversation(id, changed);
		toUsersOutside(id, changed, dispute.customerId(), dispute.performerId(), dispute.moderatorId());
	}

	private static Subject transferSubject(Transfer transfer) {
		return Subjects.order(transfer.conversationId(), transfer.orderId());
	}

	private void toConversation(ConversationId id, StaffEvent event) {
		this.bus.publish(new Delivery(Audience.conversation(id.toString()), event));
	}

	/**
	 * To the users' sockets that have not joined the conversation (those hear it there).
	 */
	private void toUsersOutside(ConversationId id, StaffEvent event, String... userIds) {
		this.bus.publish(new Delivery(Audience.users(userIds).exceptMembersOf(id.toString()), event));
	}

}
