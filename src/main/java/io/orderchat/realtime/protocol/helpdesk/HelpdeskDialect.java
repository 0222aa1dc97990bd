package io.orderchat.realtime.protocol.helpdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.Participant;
import io.orderchat.conversations.ReadReceipt;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.ChatEvent.MemberPresence;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.ReadUpTo;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.realtime.events.StaffEvent;
import io.orderchat.realtime.events.StaffEvent.SessionAccepted;
import io.orderchat.realtime.events.StaffEvent.SessionStatusAnnounced;
import io.orderchat.realtime.events.StaffEvent.SessionStatusChanged;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialect;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.StaffRendering;
import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.ChatAccepted;
import io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.ChatClosed;
import io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.Member;
import io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.MessageSent;
import io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.MessagesRead;
import io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.SessionJoined;
import io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.TypingStopped;
import io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.UserTyping;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.socketio.SocketIoSocket;
import io.orderchat.support.SessionJson;
import io.orderchat.support.SupportDesk;
import io.orderchat.support.SupportMessageJson;
import io.orderchat.support.SupportSession;
import io.orderchat.support.SupportStatus;
import tools.jackson.databind.JsonNode;

import static io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.ACCEPT_CHAT;
import static io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.CLOSE_CHAT;
import static io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.JOIN_SESSION;
import static io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.LEAVE_SESSION;
import static io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.MARK_AS_READ;
import static io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.SEND_MESSAGE;
import static io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.STOP_TYPING;
import static io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents.TYPING;

/**
 * The restaurant support chat (seed 003, DIALECTS.md §4): sessions a customer opens and
 * support agents pick up. Every command names its {@code session_id}; the server answers
 * in the app's snake_case events ({@link HelpdeskEvents}).
 */
final class HelpdeskDialect extends SeedDialect implements StaffRendering {

	private final RealtimeConversations conversations;

	private final Inbox inbox;

	private final Messaging messaging;

	private final SupportDesk desk;

	HelpdeskDialect(RealtimeConversations conversations, Inbox inbox, Messaging messaging, SupportDesk desk) {
		this.conversations = conversations;
		this.inbox = inbox;
		this.messaging = messaging;
		this.desk = desk;
	}

	@Override
	public String name() {
		return "seed003";
	}

	@Override
	public Dialect dialect() {
		return this;
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, JOIN_SESSION, BackPressure.bulky(this::join));
		router.onPipelined(this, SEND_MESSAGE, this::send);
		// Busy2Shop (seed 001) sends "typing" too, with an orderId; ours carries a
		// session_id.
		router.on(this, TYPING, (args) -> carries(args, "session_id"), (socket, caller, args) -> {
			this.conversations.startTyping(socket, caller, session(caller, args).conversationId());
			return null;
		});
		router.on(this, STOP_TYPING, (socket, caller, args) -> {
			this.conversations.stopTyping(socket, caller, session(caller, args).conversationId());
			return null;
		});
		router.on(this, MARK_AS_READ, this::markRead);
		router.on(this, ACCEPT_CHAT, (socket, caller, args) -> SessionJson.of(accept(caller, sessionId(args))));
		router.on(this, CLOSE_CHAT, (socket, caller, args) -> {
			// The app closes a chat from the agent's side only: its original server
			// refused the customer (DIALECTS.md §4.1), unlike OrderChat's own close.
			if (!isAgent(caller)) {
				throw DomainException.forbidden("Only support agents can close chats");
			}
			return SessionJson.of(this.desk.close(caller, sessionId(args)));
		});
		router.on(this, LEAVE_SESSION, (socket, caller, args) -> {
			SupportSession session = session(caller, args);
			this.conversations.leave(socket, caller, session.conversationId());
			return json("session_id", session.id().toString());
		});
	}

	/**
	 * Joins the session's room: {@code session_joined} and {@code user_joined} (the app's
	 * confirmation) to the joiner, then its messages are read for the joiner.
	 */
	private Object join(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		SupportSession session = session(caller, args);
		RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, session.conversationId());
		String sessionId = session.id().toString();
		List<Participant> participants = joined.view().participants();
		List<Message> history = joined.view().messages();
		List<SupportMessageJson> messages = history.stream()
			.map((message) -> SupportMessageJson.of(sessionId, message, participants))
			.toList();
		List<HelpdeskEvents.Participant> people = participants.stream()
			.filter(Participant::active)
			.map((p) -> new HelpdeskEvents.Participant(p.userId(), p.role(), p.name(),
					joined.online().contains(p.userId())))
			.toList();
		SessionJoined answer = new SessionJoined(
				SessionJson.of(session, null, history.isEmpty() ? null : history.getLast()), messages, people);
		socket.emit(HelpdeskEvents.SESSION_JOINED.wireName(), answer);
		socket.emit(HelpdeskEvents.USER_JOINED.wireName(),
				new Member(caller.userId(), caller.role(), caller.name(), sessionId));
		// the others hear of it from the read horizon's move
		ReadReceipt read = this.inbox.markRead(caller, session.conversationId(), null);
		socket.emit(HelpdeskEvents.MESSAGES_READ.wireName(),
				new MessagesRead(sessionId, caller.userId(), null, read.readSeq()));
		return answer;
	}

	/**
	 * Pipelined: the sender's next message may be checked and queued while this one
	 * commits. {@code message_sent} still goes to the sender only once the message is
	 * committed, just before the answer; the socket's next command other than a send
	 * waits for both, as before. One session's sends are committed, and so confirmed, in
	 * the order sent.
	 */
	private CompletableFuture<MessageSent> send(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		SupportSession session = session(caller, args);
		MessageType type = payload.optionalText("message_type")
			.map((name) -> MessageType.parse(name)
				.orElseThrow(() -> Payload.invalid("Unknown message_type '" + name + "'")))
			.orElse(MessageType.TEXT);
		String tempId = payload.optionalId("temp_id").orElse(null);
		String content = payload.optionalText("content").orElse(null);
		if (payload.optionalBoolean("is_internal").orElse(false)) {
			// an agent's internal note, stored by its own transaction: after the
			// socket's earlier messages; the service refuses anyone who is not staff
			CommandRouter.awaitEarlierSends(socket);
			Message note = this.messaging.addNote(caller, session.conversationId(), content);
			return CompletableFuture.completedFuture(confirm(socket, session, note, tempId));
		}
		return this.conversations
			.sendLater(socket, caller, session.conversationId(), new NewMessage(type, content, tempId, null))
			.thenApply((result) -> confirm(socket, session, result.message(), tempId));
	}

	/** {@code message_sent} to the sender, which is also the answer. */
	private static MessageSent confirm(SocketIoSocket socket, SupportSession session, Message stored, String tempId) {
		MessageSent sent = new MessageSent(stored.id().toString(), tempId, stored.createdAt(), session.id().toString());
		socket.emit(HelpdeskEvents.MESSAGE_SENT.wireName(), sent);
		return sent;
	}

	/**
	 * Marks the listed messages (all when none are listed) read; the reader's socket
	 * hears which, the room hears of the moved read horizon.
	 */
	private Object markRead(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		SupportSession session = session(caller, args);
		JsonNode ids = Payload.of(args).node("message_ids");
		List<UUID> messageIds = new ArrayList<>();
		if (ids.isArray()) {
			for (JsonNode id : ids) {
				try {
					messageIds.add(UUID.fromString(id.asString()));
				}
				catch (IllegalArgumentException ex) {
					throw Payload.invalid("'message_ids' must be message ids");
				}
			}
		}
		else if (!ids.isNull() && !ids.isMissingNode()) {
			throw Payload.invalid("'message_ids' must be a list of message ids");
		}
		ReadReceipt receipt = this.inbox.markReadMessages(caller, session.conversationId(), messageIds);
		socket.emit(HelpdeskEvents.MESSAGES_READ.wireName(), new MessagesRead(session.id().toString(), caller.userId(),
				messageIds.isEmpty() ? null : messageIds.stream().map(UUID::toString).toList(), receipt.readSeq()));
		return json("session_id", session.id().toString(), "read_seq", receipt.readSeq(), "unread_count",
				receipt.unreadCount());
	}

	/** The app's accept: agents only, a waiting session only, in the app's words. */
	private SupportSession accept(Caller caller, String sessionId) {
		if (!isAgent(caller)) {
			throw DomainException.forbidden("Only support agents can accept chats");
		}
		try {
			return this.desk.accept(caller, sessionId);
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.CONFLICT || ex.code() == ErrorCode.ILLEGAL_TRANSITION) {
				throw new DomainException(ex.code(), "Chat already accepted");
			}
			throw ex;
		}
	}

	private static boolean isAgent(Caller caller) {
		return caller.role() == Role.SUPPORT || caller.role() == Role.ADMIN;
	}

	private static String sessionId(JsonNode[] args) {
		return Payload.of(args).id("session_id");
	}

	private SupportSession session(Caller caller, JsonNode[] args) {
		return this.desk.get(caller, sessionId(args));
	}

	@Override
	public void render(ChatEvent event, Emitter emitter) {
		if (!(event instanceof ChatEvent.InConversation about) || about.subject().kind() != ConversationKind.SUPPORT) {
			return;
		}
		String sessionId = about.subject().subjectId();
		switch (event) {
			case MessageAdded added -> emitter.emit(HelpdeskEvents.NEW_MESSAGE, new HelpdeskEvents.NewMessage(
					SupportMessageJson.of(sessionId, added.message(), List.of()), sessionId));
			case TypingChanged typing -> {
				if (typing.typing()) {
					emitter.emit(HelpdeskEvents.USER_TYPING, new UserTyping(sessionId, typing.userId(), typing.name()));
				}
				else {
					emitter.emit(HelpdeskEvents.TYPING_STOPPED, new TypingStopped(sessionId, typing.userId()));
				}
			}
			case ReadUpTo read -> emitter.emit(HelpdeskEvents.MESSAGES_READ,
					new MessagesRead(sessionId, read.userId(), null, read.seq()));
			case MemberPresence member ->
				emitter.emit(member.joined() ? HelpdeskEvents.USER_JOINED : HelpdeskEvents.USER_LEFT,
						new Member(member.userId(), member.role(), member.name(), sessionId));
			default -> {
				// The app's clients know no other conversation events.
			}
		}
	}

	@Override
	public void render(StaffEvent event, Emitter emitter) {
		switch (event) {
			case SessionAccepted accepted ->
				emitter.emit(HelpdeskEvents.CHAT_ACCEPTED, new ChatAccepted(SessionJson.of(accepted.session()),
						accepted.session().agentId(), accepted.session().agentName()));
			case SessionStatusAnnounced announced ->
				emitter.emit(HelpdeskEvents.SESSION_STATUS_CHANGED, new HelpdeskEvents.SessionStatusChanged(
						announced.session().id().toString(), announced.to(), announced.session().agentId()));
			case SessionStatusChanged changed -> {
				SupportSession session = changed.session();
				emitter.emit(HelpdeskEvents.SESSION_STATUS_CHANGED, new HelpdeskEvents.SessionStatusChanged(
						session.id().toString(), changed.to(), session.agentId()));
				if (changed.to() == SupportStatus.CLOSED) {
					emitter.emit(HelpdeskEvents.CHAT_CLOSED,
							new ChatClosed(SessionJson.of(session), session.closedBy()));
				}
			}
			default -> {
				// The app knows nothing of orders, moderators or disputes.
			}
		}
	}

}
