package io.orderchat.realtime.gateway;

import java.util.List;

import io.orderchat.conversations.ConversationCleaned;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.InternalNoteAdded;
import io.orderchat.disputes.Dispute;
import io.orderchat.disputes.DisputeOpened;
import io.orderchat.disputes.DisputeStatusChanged;
import io.orderchat.identity.Role;
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
 * Turns the staff workflows' committed domain events into {@link StaffEvent}s: to the
 * conversation's live sockets, and to the people who must act or know but may not have
 * joined it (the target of a transfer, the parties of a dispute, the moderator queue, the
 * support queue). Runs after commit, like {@link DomainEventRelay}.
 */
class StaffRelay {

	private final StaffFanout fanout;

	private final Subjects subjects;

	StaffRelay(StaffFanout fanout, Subjects subjects) {
		this.fanout = fanout;
		this.subjects = subjects;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OrderCreated event) {
		StaffEvent queued = new StaffEvent.OrderQueued(event.order());
		this.fanout.toRole(Role.MODERATOR, queued);
		this.fanout.toRole(Role.ADMIN, queued);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OrderAccepted event) {
		this.fanout.toConversation(event.conversationId(),
				new StaffEvent.ModeratorJoined(this.subjects.of(event.conversationId()), event.orderId().toString(),
						event.moderatorId(), event.moderatorName()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TransferInitiated event) {
		ConversationId id = event.transfer().conversationId();
		StaffEvent started = new StaffEvent.TransferStarted(this.subjects.of(id), event.transfer());
		this.fanout.toConversation(id, started);
		// The target has usually not joined the chat: they must hear of it to accept it.
		this.fanout.toUsers(List.of(event.transfer().toId()), started, Rooms.conversation(id));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ModeratorChanged event) {
		ConversationId id = event.transfer().conversationId();
		StaffEvent decided = new StaffEvent.TransferDecided(this.subjects.of(id), event.transfer(), true);
		this.fanout.toConversation(id, decided);
		// The previous moderator's sockets have left the room with their participation.
		this.fanout.toUsers(List.of(event.transfer().fromId(), event.transfer().toId()), decided,
				Rooms.conversation(id));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TransferDeclined event) {
		ConversationId id = event.transfer().conversationId();
		StaffEvent decided = new StaffEvent.TransferDecided(this.subjects.of(id), event.transfer(), false);
		this.fanout.toConversation(id, decided);
		this.fanout.toUsers(List.of(event.transfer().fromId()), decided, Rooms.conversation(id));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ConversationCleaned event) {
		this.fanout.toConversation(event.conversationId(),
				new StaffEvent.HistoryCleaned(this.subjects.of(event.conversationId()), event.byUserId(),
						event.byName(), event.messagesRemoved(), event.imagesRemoved()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(InternalNoteAdded event) {
		ConversationId id = event.message().conversationId();
		StaffEvent note = new StaffEvent.NoteAdded(this.subjects.of(id), event.message());
		// Only the staff room: customers' and performers' sockets are never in it.
		this.fanout.toStaffOf(id, note);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SupportSessionCreated event) {
		StaffEvent queued = new StaffEvent.SessionQueued(event.session());
		this.fanout.toRole(Role.SUPPORT, queued);
		this.fanout.toRole(Role.ADMIN, queued);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SupportSessionAccepted event) {
		SupportSession session = event.session();
		ConversationId id = session.conversationId();
		StaffEvent accepted = new StaffEvent.SessionAccepted(this.subjects.of(id), session);
		this.fanout.toConversation(id, accepted);
		this.fanout.toUsers(Fanout.parties(session.customerId(), session.agentId()), accepted, Rooms.conversation(id));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SupportSessionStatusChanged event) {
		SupportSession session = event.session();
		ConversationId id = session.conversationId();
		StaffEvent changed = new StaffEvent.SessionStatusChanged(this.subjects.of(id), session, event.from(),
				event.to(), event.byUserId());
		this.fanout.toConversation(id, changed);
		this.fanout.toUsers(Fanout.parties(session.customerId(), session.agentId()), changed, Rooms.conversation(id));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DisputeOpened event) {
		Dispute dispute = event.dispute();
		StaffEvent opened = new StaffEvent.DisputeChanged(this.subjects.of(dispute.conversationId()), dispute);
		this.fanout.toUsers(Fanout.parties(dispute.customerId(), dispute.performerId(), dispute.moderatorId()), opened);
		this.fanout.toRole(Role.MODERATOR, opened);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(DisputeStatusChanged event) {
		Dispute dispute = event.dispute();
		ConversationId id = dispute.conversationId();
		StaffEvent changed = new StaffEvent.DisputeChanged(this.subjects.of(id), dispute);
		this.fanout.toConversation(id, changed);
		this.fanout.toUsers(Fanout.parties(dispute.customerId(), dispute.performerId(), dispute.moderatorId()), changed,
				Rooms.conversation(id));
	}

}
