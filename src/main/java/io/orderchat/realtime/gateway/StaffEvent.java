package io.orderchat.realtime.gateway;

import io.orderchat.conversations.Message;
import io.orderchat.disputes.Dispute;
import io.orderchat.moderation.Transfer;
import io.orderchat.orders.Order;
import io.orderchat.support.SupportSession;
import io.orderchat.support.SupportStatus;

/**
 * What the staff workflows tell clients, before a dialect names and shapes it. Kept apart
 * from {@link RealtimeEvent} so that the chat dialects need not know about staff work:
 * only dialects with a {@link StaffRendering} render these.
 */
sealed interface StaffEvent {

	/** A new order waits for a moderator (to every online moderator). */
	record OrderQueued(Order order) implements StaffEvent {
	}

	/** A moderator accepted an order and joined its conversation. */
	record ModeratorJoined(RealtimeEvent.Subject subject, String orderId, String moderatorId,
			String moderatorName) implements StaffEvent {
	}

	/** A moderator offered the chat to another moderator. */
	record TransferStarted(RealtimeEvent.Subject subject, Transfer transfer) implements StaffEvent {
	}

	/** The target accepted ({@code accepted}) or declined the transfer. */
	record TransferDecided(RealtimeEvent.Subject subject, Transfer transfer, boolean accepted) implements StaffEvent {
	}

	/** A moderator cleaned the conversation's history. */
	record HistoryCleaned(RealtimeEvent.Subject subject, String moderatorId, String moderatorName, int messagesRemoved,
			int imagesDeleted) implements StaffEvent {
	}

	/** A staff-only note; goes only to staff sockets. */
	record NoteAdded(RealtimeEvent.Subject subject, Message message) implements StaffEvent {
	}

	/** A new support session waits for an agent (to every online support agent). */
	record SessionQueued(SupportSession session) implements StaffEvent {
	}

	/** An agent took a support session. */
	record SessionAccepted(RealtimeEvent.Subject subject, SupportSession session) implements StaffEvent {
	}

	/** A support session's status changed. */
	record SessionStatusChanged(RealtimeEvent.Subject subject, SupportSession session, SupportStatus from,
			SupportStatus to, String byUserId) implements StaffEvent {
	}

	/** A dispute was opened or changed status. */
	record DisputeChanged(RealtimeEvent.Subject subject, Dispute dispute) implements StaffEvent {
	}

}
