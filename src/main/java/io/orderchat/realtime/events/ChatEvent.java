package io.orderchat.realtime.events;

import java.time.Instant;
import java.util.List;

import io.orderchat.conversations.Message;
import io.orderchat.conversations.Reaction;
import io.orderchat.identity.Role;
import io.orderchat.orders.OrderStatus;

/**
 * What happens in a conversation's chat, for the vocabularies to render: every event is
 * about one conversation ({@link Subject}) except presence and sign-outs, which are about
 * a user.
 */
public sealed interface ChatEvent extends RealtimeEvent {

	/** An event about one conversation. */
	sealed interface InConversation extends ChatEvent, io.orderchat.realtime.events.InConversation {

	}

	/** A message was stored. */
	record MessageAdded(Subject subject, Message message) implements InConversation {
	}

	/** A message became a tombstone. */
	record MessageRemoved(Subject subject, String messageId, long seq, String byUserId,
			Instant at) implements InConversation {
	}

	/**
	 * A message's reactions changed; {@code reactions} is its whole list now, the same
	 * for every reader (each tells their own from the user ids).
	 */
	record ReactionsChanged(Subject subject, String messageId, long seq, String byUserId,
			List<Reaction> reactions) implements InConversation {
	}

	/** Someone started or stopped typing. Never sent to the typist. */
	record TypingChanged(Subject subject, String userId, String name, boolean typing) implements InConversation {
	}

	/** A reader's horizon moved: everything up to {@code seq} is read. */
	record ReadUpTo(Subject subject, String userId, long seq, Instant at) implements InConversation {
	}

	/**
	 * The reader's own view of their read: heard only by that user's sockets, so their
	 * other devices update the conversation's unread count.
	 */
	record OwnReadMoved(Subject subject, String userId, long seq, long unreadCount,
			Instant at) implements InConversation {
	}

	/** A user's socket joined or left the conversation's live room. */
	record MemberPresence(Subject subject, String userId, String name, Role role,
			boolean joined) implements InConversation {
	}

	/** A participant was added to or removed from the conversation. */
	record ParticipantChanged(Subject subject, String userId, String name, Role role,
			boolean added) implements InConversation {
	}

	/**
	 * The order behind an order conversation changed status. {@code statusName} is the
	 * new status as the host app named it, which the seed vocabularies echo (DIALECTS.md
	 * §0.7); {@code to} is OrderChat's.
	 */
	record OrderStatusChanged(Subject subject, String orderId, OrderStatus from, OrderStatus to, String byUserId,
			String notes, Instant at, String statusName) implements InConversation {

		public OrderStatusChanged {
			statusName = (statusName != null) ? statusName : to.wire();
		}

		public OrderStatusChanged(Subject subject, String orderId, OrderStatus from, OrderStatus to, String byUserId,
				String notes, Instant at) {
			this(subject, orderId, from, to, byUserId, notes, at, null);
		}

	}

	/** A user came online (first device) or went offline (last device). */
	record PresenceChanged(String userId, boolean online) implements ChatEvent {
	}

	/**
	 * The same change as {@link PresenceChanged}, for the user's counterparts wherever
	 * their sockets are: those who share an order or dispute with the user, and admins
	 * (seed 004's {@code user_presence} audience, DIALECTS.md §5.2). Only the
	 * vocabularies that promise that audience render it.
	 */
	record CounterpartPresence(String userId, boolean online) implements ChatEvent {
	}

	/**
	 * The user was signed out everywhere: every node learns it, so that their old tokens
	 * are refused there too, and closes their connections opened with a token issued
	 * before {@code notBefore}. Not rendered by a vocabulary: the gateway tells the
	 * socket before closing it, as when a session expires.
	 */
	record SignedOut(String userId, Instant notBefore) implements ChatEvent {
	}

	/** A message for a user who has not joined its conversation on that socket. */
	record Notification(Subject subject, Message message) implements InConversation {
	}

}
