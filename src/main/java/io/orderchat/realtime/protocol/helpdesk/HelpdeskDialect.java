package io.orderchat.realtime.protocol.helpdesk;

import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.Dialect;
import io.orderchat.realtime.gateway.StaffRendering;

import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.StaffEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.Participant;
import io.orderchat.conversations.ReadReceipt;
import io.orderchat.conversations.SendResult;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.realtime.events.ChatEvent.MemberPresence;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.ReadUpTo;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.realtime.events.StaffEvent.SessionAccepted;
import io.orderchat.realtime.events.StaffEvent.SessionStatusChanged;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.SocketIoSocket;
import io.orderchat.support.SessionJson;
import io.orderchat.support.SupportDesk;
import io.orderchat.support.SupportMessageJson;
import io.orderchat.support.SupportSession;
import io.orderchat.support.SupportStatus;
import tools.jackson.databind.JsonNode;

/**
 * The restaurant support chat (seed 003): {@code join_session}, {@code send_message}
 * (with {@code temp_id}, answered by {@code message_sent}),
 * {@code typing}/{@code stop_typing}, {@code mark_as_read}, {@code accept_chat},
 * {@code close_chat}, {@code leave_session}, all with a {@code session_id}; the server
 * sends {@code session_joined}, {@code new_message},
 * {@code user_typing}/{@code typing_stopped}, {@code messages_read},
 * {@code user_joined}/{@code user_left}, {@code chat_accepted}, {@code chat_closed},
 * {@code session_status_changed} and {@code error}, in snake_case.
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
		router.on(this, "join_session", BackPressure.bulky(this::join));
		router.on(this, "send_message", this::send);
		// Busy2Shop (seed 001) sends "typing" too, with an orderId; ours carries a
		// session_id.
		router.on(this, "typing", (args) -> carries(args, "session_id"), (socket, caller, args) -> {
			this.conversations.startTyping(socket, caller, session(caller, args).conversationId());
			return null;
		});
		router.on(this, "stop_typing", (socket, caller, args) -> {
			this.conversations.stopTyping(socket, caller, session(caller, args).conversationId());
			return null;
		});
		router.on(this, "mark_as_read", this::markRead);
		router.on(this, "accept_chat",
				(socket, caller, args) -> SessionJson.of(this.desk.accept(caller, sessionId(args))));
		router.on(this, "close_chat", (socket, caller, args) -> {
			// Seed 003's clients close a chat from the agent's side only: its original
			// server refused the customer (DIALECTS.md §4.1), unlike REST's close.
			if (caller.role() != Role.SUPPORT && caller.role() != Role.ADMIN) {
				throw DomainException.forbidden("Only support agents can close chats");
			}
			return SessionJson.of(this.desk.close(caller, sessionId(args)));
		});
		router.on(this, "leave_session", (socket, caller, args) -> {
			SupportSession session = session(caller, args);
			this.conversations.leave(socket, caller, session.conversationId());
			return json("session_id", session.id().toString());
		});
	}

	private Object join(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		SupportSession session = session(caller, args);
		RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, session.conversationId());
		List<Participant> participants = joined.view().participants();
		String sessionId = session.id().toString();
		List<SupportMessageJson> messages = joined.view()
			.messages()
			.stream()
			.map((message) -> SupportMessageJson.of(sessionId, message, participants))
			.toList();
		List<Map<String, Object>> people = new ArrayList<>();
		for (Participant participant : participants) {
			people.add(json("user_id", participant.userId(), "name", participant.name(), "role", participant.role(),
					"online", joined.online().contains(participant.userId())));
		}
		Map<String, Object> data = json("session", SessionJson.of(session, joined.view().unreadCount(), null),
				"messages", messages, "participants", people);
		socket.emit("session_joined", data);
		return data;
	}

	private Object send(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Payload payload = Payload.of(args);
		SupportSession session = session(caller, args);
		MessageType type = payload.optionalText("message_type")
			.map((name) -> MessageType.parse(name)
				.orElseThrow(() -> Payload.invalid("Unknown message_type '" + name + "'")))
			.orElse(MessageType.TEXT);
		String tempId = payload.optionalId("temp_id").orElse(null);
		if (payload.optionalBoolean("is_internal").orElse(false)) {
			// an agent's internal note: the service refuses anyone who is not staff
			Message note = this.messaging.addNote(caller, session.conversationId(),
					payload.optionalText("content").orElse(null));
			Map<String, Object> sent = json("message_id", note.id().toString(), "temp_id", tempId, "sent_at",
					note.createdAt(), "session_id", session.id().toString());
			socket.emit("message_sent", sent);
			return sent;
		}
		SendResult result = this.conversations.send(socket, caller, session.conversationId(),
				new NewMessage(type, payload.optionalText("content").orElse(null), tempId, null));
		Map<String, Object> sent = json("message_id", result.message().id().toString(), "temp_id", tempId, "sent_at",
				result.message().createdAt(), "session_id", session.id().toString());
		socket.emit("message_sent", sent);
		return sent;
	}

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
		else if (!ids.isNull()) {
			throw Payload.invalid("'message_ids' must be a list of message ids");
		}
		ReadReceipt receipt = this.inbox.markReadMessages(caller, session.conversationId(), messageIds);
		return json("session_id", session.id().toString(), "read_seq", receipt.readSeq(), "unread_count",
				receipt.unreadCount());
	}

	private static String sessionId(JsonNode[] args) {
		return idArgument(args, "session_id");
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
			case MessageAdded added -> emitter.emit("new_message", json("session_id", sessionId, "message",
					SupportMessageJson.of(sessionId, added.message(), List.of())));
			case TypingChanged typing -> {
				if (typing.typing()) {
					emitter.emit("user_typing",
							json("session_id", sessionId, "user_id", typing.userId(), "user_name", typing.name()));
				}
				else {
					emitter.emit("typing_stopped", json("session_id", sessionId, "user_id", typing.userId()));
				}
			}
			case ReadUpTo read -> emitter.emit("messages_read",
					json("session_id", sessionId, "user_id", read.userId(), "read_seq", read.seq()));
			case MemberPresence member -> emitter.emit(member.joined() ? "user_joined" : "user_left", json("session_id",
					sessionId, "user_id", member.userId(), "role", member.role(), "name", member.name()));
			default -> {
				// Seed 003's client knows no other conversation events.
			}
		}
	}

	@Override
	public void render(StaffEvent event, Emitter emitter) {
		switch (event) {
			case SessionAccepted accepted ->
				emitter.emit("chat_accepted", json("session", SessionJson.of(accepted.session()), "agent_id",
						accepted.session().agentId(), "agent_name", accepted.session().agentName()));
			case SessionStatusChanged changed -> {
				SupportSession session = changed.session();
				emitter.emit("session_status_changed", json("session_id", session.id().toString(), "status",
						changed.to(), "agent_id", session.agentId()));
				if (changed.to() == SupportStatus.CLOSED) {
					emitter.emit("chat_closed",
							json("session", SessionJson.of(session), "closed_by", session.closedBy()));
				}
			}
			default -> {
				// Seed 003 knows nothing of orders, moderators or disputes.
			}
		}
	}

}
