package io.orderchat.realtime.events;

import io.orderchat.conversations.Message;
import io.orderchat.disputes.Dispute;
import io.orderchat.moderation.Transfer;
import io.orderchat.orders.Order;
import io.orderchat.support.SupportSession;
import io.orderchat.support.SupportStatus;

/**
 * What the staff workflows tell clients: queues, moderators, transfers, support sessions
 * and disputes. Kept apart from {@link ChatEvent} so that a vocabulary that knows nothing
 * of staff work need not render these.
 */
public sealed interface StaffEvent extends RealtimeEvent {

	/** A staff event about one conversation. */
	sealed interface InConversation extends StaffEvent, io.orderchat.realtime.events.InConversation {

	}

	/** A new order waits for a moderator (to every online moderator). */
	record OrderQueued(Order order) implements StaffEvent {
	}

	/** A moderator accepted an order and joined its conversation. */
	record ModeratorJoined(Subject subject, String orderId, String moderatorId,
			String moderatorName) implements InConversation {
	}

	/** A moderator offered the chat to another moderator. */
	record TransferStarted(Subject subject, Transfer transfer) implements InConversation {
	}

	/** The target accepted ({@code accepted}) or declined the transfer. */
	record TransferDecided(Subject subject, Transfer transfer, boolean accepted) implements InConversation {
	}

	/** A moderator cleaned the conversation's history. */
	record HistoryCleaned(Subject subject, String moderatorId, String moderatorName, int messagesRemoved,
			int imagesDeleted) implements InConversation {
	}

	/** A staff-only note; goes only to staff sockets. */
	record NoteAdded(Subject subject, Message message) implements InConversation {
	}

	/** A new support session waits for an agent (to every online support agent). */
	record SessionQueued(SupportSession session) implements StaffEvent {
	}

	/** An agent took a support session. */
	record SessionAccepted(Subject subject, SupportSession session) implements InConversation {
	}

	/**
	 * A support session's status, for the support agents and admins who have not joined
	 * it: seed 003's agents keep their session lists current from it (DIALECTS.md §4.2);
	 * a vocabulary whose clients do not need it renders nothing.
	 */
	record SessionStatusAnnounced(SupportSession session, SupportStatus to) implements StaffEvent {
	}

	/** A support session's status changed. */
	record SessionStatusChanged(Subject subject, SupportSession session, SupportStatus from, SupportStatus to,
			String byUserId) implements InConversation {
	}

	/**
	 * A dispute was opened or changed status. {@code statusName} is its status as the
	 * host app named it, which the seed vocabularies echo (DIALECTS.md §0.7); the
	 * dispute's own status is OrderChat's. {@code byUserId}: who opened or changed it (as
	 * the host reported it); the dispute's {@code updatedAt} says when.
	 */
	record DisputeChanged(Subject subject, Dispute dispute, String statusName,
			String byUserId) implements InConversation {

		public DisputeChanged {
			statusName = (statusName != null) ? statusName : dispute.status().wire();
			byUserId = (byUserId != null) ? byUserId : dispute.openedBy();
		}

		public DisputeChanged(Subject subject, Dispute dispute) {
			this(subject, dispute, null, null);
		}

	}

}
