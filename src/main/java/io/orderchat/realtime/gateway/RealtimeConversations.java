package io.orderchat.realtime.gateway;

import io.orderchat.realtime.events.Subject;
import io.orderchat.realtime.events.ChatEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.orderchat.attachments.AttachmentService;
import io.orderchat.conversations.ConversationAccess;
import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationView;
import io.orderchat.conversations.HistoryPage;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.Participant;
import io.orderchat.conversations.ReadReceipt;
import io.orderchat.conversations.SendResult;
import io.orderchat.identity.Caller;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.PartiesOnly;
import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.pipeline.EventBus;
import io.orderchat.realtime.presence.Presence;
import io.orderchat.realtime.presence.Typing;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.SocketIoSocket;

/**
 * What a socket can do with conversations, whatever its dialect: join and leave their
 * live rooms, send, type, read, and catch up after a reconnect. Every call checks access
 * through the conversations module; typing, which comes once per keystroke, is checked
 * against the rooms the socket joined instead of the database.
 */
public final class RealtimeConversations {

	/**
	 * Most messages one resume returns per conversation; {@code hasMore} asks for the
	 * rest.
	 */
	static final int RESUME_PAGE = 200;

	private final ConversationAccess access;

	private final ConversationHistory history;

	private final Inbox inbox;

	private final Messaging messaging;

	private final OrderManagement orders;

	private final RoomMembership rooms;

	private final EventBus bus;

	private final KnownSubjects subjects;

	private final Typing typing;

	private final Presence presence;

	private final AttachmentService attachments;

	public RealtimeConversations(ConversationAccess access, ConversationHistory history, Inbox inbox,
			Messaging messaging, OrderManagement orders, RoomMembership rooms, EventBus bus, KnownSubjects subjects,
			Typing typing, Presence presence, AttachmentService attachments) {
		this.access = access;
		this.history = history;
		this.inbox = inbox;
		this.messaging = messaging;
		this.orders = orders;
		this.rooms = rooms;
		this.bus = bus;
		this.subjects = subjects;
		this.typing = typing;
		this.presence = presence;
		this.attachments = attachments;
	}

	/** The conversation of an order, named by the order's id or its external id. */
	public ConversationId ofOrder(Caller caller, String orderIdOrExternalId) {
		Order order = this.orders.get(caller, orderIdOrExternalId);
		return order.conversationId();
	}

	/**
	 * An order's conversation for the dialects whose apps know only the order's customer
	 * and performer (seeds 001 and 002): they and admins, no moderators.
	 */
	public ConversationId ofPartiesOrder(Caller caller, String orderIdOrExternalId) {
		Order order = this.orders.get(caller, orderIdOrExternalId);
		PartiesOnly.require(caller, order);
		return order.conversationId();
	}

	/** What a conversation is about (empty when there is no such conversation). */
	public Optional<Subject> subjectOf(ConversationId id) {
		try {
			return Optional.of(this.subjects.of(id));
		}
		catch (DomainException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Opens the conversation for the caller and subscribes the socket to its live events.
	 */
	public Joined join(SocketIoSocket socket, Caller caller, Dialect dialect, ConversationId id) {
		this.rooms.requireRoomFor(socket, id);
		// subscribed once the caller may read it, before its history is read: a message
		// stored between a read and a later subscription would reach the client neither
		// live nor in the answer; one stored just before may now come both ways, and
		// clients keep one message per seq. One transaction checks and reads.
		boolean[] first = new boolean[1];
		ConversationView view;
		try {
			view = this.inbox.open(caller, id, () -> {
				first[0] = !this.rooms.subscribed(socket, id);
				this.rooms.subscribe(socket, id, dialect);
			});
		}
		catch (RuntimeException ex) {
			undo(socket, id, first[0]);
			throw ex;
		}

		Subject subject = this.subjects.of(view.conversation());
		if (first[0]) {
			this.bus.publish(new Delivery(Audience.conversation(id.toString()).exceptSocket(socket.id()),
					new ChatEvent.MemberPresence(subject, caller.userId(), caller.name(), caller.role(), true)));
		}
		List<String> memberIds = view.participants().stream().map(Participant::userId).toList();
		return new Joined(view, this.presence.online(memberIds));
	}

	public void leave(SocketIoSocket socket, Caller caller, ConversationId id) {
		if (!this.rooms.subscribed(socket, id)) {
			return;
		}
		this.rooms.unsubscribe(socket, id);
		stopTyping(socket, caller, id);
		this.bus.publish(new Delivery(Audience.conversation(id.toString()), new ChatEvent.MemberPresence(
				this.subjects.of(id), caller.userId(), caller.name(), caller.role(), false)));
	}

	public SendResult send(SocketIoSocket socket, Caller caller, ConversationId id, NewMessage message) {
		SendResult result = this.messaging.send(caller, id, message);
		stopTyping(socket, caller, id);
		return result;
	}

	/**
	 * {@link #send} without waiting for the commit on the socket's thread: the socket's
	 * next send can be queued behind this one (see {@link CommandRouter}).
	 */
	public CompletableFuture<SendResult> sendLater(SocketIoSocket socket, Caller caller, ConversationId id,
			NewMessage message) {
		return this.messaging.sendLater(caller, id, message).thenApply((result) -> {
			stopTyping(socket, caller, id);
			return result;
		});
	}

	/**
	 * Sends an image that came as binary (seed 000's {@code chat:image}); the attachments
	 * module checks its bytes against the socket's limits.
	 */
	public SendResult sendImage(SocketIoSocket socket, Caller caller, ConversationId id, byte[] image, String fileName,
			String clientId) {
		SendResult result = this.attachments.sendImage(caller, id, image, fileName, clientId);
		stopTyping(socket, caller, id);
		return result;
	}

	/** Sends a message carrying files the caller pre-uploaded over REST. */
	public SendResult sendUploaded(SocketIoSocket socket, Caller caller, ConversationId id, String caption,
			String clientId, List<UUID> attachmentIds) {
		SendResult result = this.attachments.sendUploaded(caller, id, caption, clientId, attachmentIds);
		stopTyping(socket, caller, id);
		return result;
	}

	public HistoryPage history(Caller caller, ConversationId id, Long beforeSeq, Long afterSeq, Integer limit) {
		return this.history.history(caller, id, beforeSeq, afterSeq, limit);
	}

	public ReadReceipt read(Caller caller, ConversationId id, Long uptoSeq) {
		return this.inbox.markRead(caller, id, uptoSeq);
	}

	/**
	 * Marks everything read and tells the others so even when the horizon did not move:
	 * for clients that answer every "mark read" with a receipt (seed 002's
	 * {@code mark-read} → {@code message-read}).
	 */
	public ReadReceipt readAndAnnounce(Caller caller, ConversationId id) {
		ReadReceipt receipt = read(caller, id, null);
		if (!receipt.moved()) {
			this.bus.publish(new Delivery(Audience.conversation(id.toString()).exceptUser(caller.userId()),
					new ChatEvent.ReadUpTo(this.subjects.of(id), caller.userId(), receipt.readSeq(), receipt.at())));
		}
		return receipt;
	}

	/** Starts or refreshes the caller's typing; only a change of state is broadcast. */
	public void startTyping(SocketIoSocket socket, Caller caller, ConversationId id) {
		requireJoined(socket, id);
		this.typing.start(id.toString(), caller.userId(), caller.name(),
				() -> broadcastTyping(id, caller.userId(), caller.name(), true));
	}

	/**
	 * Starts or stops the caller's typing, as a client's typing flag says; either only on
	 * a socket that joined the conversation (the seeds' rule), so no one outside it can
	 * touch its typing state.
	 */
	public void setTyping(SocketIoSocket socket, Caller caller, ConversationId id, boolean typing) {
		requireJoined(socket, id);
		if (typing) {
			startTyping(socket, caller, id);
		}
		else {
			stopTyping(socket, caller, id);
		}
	}

	public void stopTyping(SocketIoSocket socket, Caller caller, ConversationId id) {
		this.typing.stop(id.toString(), caller.userId(),
				() -> broadcastTyping(id, caller.userId(), caller.name(), false));
	}

	public void broadcastTyping(ConversationId id, String userId, String name, boolean typing) {
		this.bus.publish(new Delivery(Audience.conversation(id.toString()).exceptUser(userId),
				new ChatEvent.TypingChanged(this.subjects.of(id), userId, name, typing)));
	}

	/**
	 * Re-subscribes the socket to each conversation and returns what it missed after the
	 * last sequence number it saw: exactly the messages with a greater seq, oldest first.
	 */
	public List<Resumed> resume(SocketIoSocket socket, Caller caller, Dialect dialect,
			Map<ConversationId, Long> lastSeen) {
		List<Resumed> resumed = new ArrayList<>();
		lastSeen.forEach((id, lastSeq) -> {
			try {
				this.rooms.requireRoomFor(socket, id);
				boolean first = subscribeBeforeReading(socket, caller, dialect, id);
				HistoryPage missed;
				try {
					missed = this.history.history(caller, id, null, lastSeq, RESUME_PAGE);
				}
				catch (RuntimeException ex) {
					undo(socket, id, first);
					throw ex;
				}
				long seen = missed.messages().isEmpty() ? lastSeq : missed.messages().getLast().seq();
				resumed.add(new Resumed(id, missed, seen, null));
			}
			catch (DomainException ex) {
				resumed.add(new Resumed(id, null, lastSeq, ex));
			}
		});
		return resumed;
	}

	/**
	 * Subscribes the socket once the caller may read the conversation, before its history
	 * is read: a message stored between a read and a later subscription would reach the
	 * client neither live nor in the answer; one stored just before the read may now come
	 * both ways, and clients keep one message per {@code seq}. Returns whether the socket
	 * was not subscribed before.
	 */
	private boolean subscribeBeforeReading(SocketIoSocket socket, Caller caller, Dialect dialect, ConversationId id) {
		this.access.requireAccess(caller, id);
		boolean first = !this.rooms.subscribed(socket, id);
		this.rooms.subscribe(socket, id, dialect);
		return first;
	}

	private void undo(SocketIoSocket socket, ConversationId id, boolean subscribedNow) {
		if (subscribedNow) {
			this.rooms.unsubscribe(socket, id);
		}
	}

	/**
	 * Whether the socket joined the conversation's live room (the seeds' rule for typing
	 * and reading).
	 */
	public boolean joined(SocketIoSocket socket, ConversationId id) {
		return this.rooms.subscribed(socket, id);
	}

	private void requireJoined(SocketIoSocket socket, ConversationId id) {
		if (!joined(socket, id)) {
			throw DomainException.forbidden("Join the conversation before typing in it");
		}
	}

	/** A joined conversation, with which of its participants are online. */
	public record Joined(ConversationView view, Set<String> online) {
	}

	/** One conversation's catch-up: the missed page, or why it was refused. */
	public record Resumed(ConversationId id, HistoryPage missed, long lastSeq, DomainException error) {
	}

}
