package io.orderchat.realtime.protocol.canonical;

import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.Replies;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.Dialect;
import io.orderchat.realtime.gateway.AttachmentReferences;

import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.Subject;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.ErrorPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.MemberPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.MessageDeletedPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.MessagePayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.NotificationPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.OrderStatusPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.PresencePayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.ReactionsPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.ReadPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.TypingPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.UnreadUpdatedPayload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationView;
import io.orderchat.conversations.HistoryPage;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.MessageDeleted;
import io.orderchat.conversations.MessageReactions;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.ReactionsChanged;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.NewMessage;
import io.orderchat.conversations.Participant;
import io.orderchat.conversations.ReadReceipt;
import io.orderchat.conversations.SendResult;
import io.orderchat.conversations.Unread;
import io.orderchat.identity.Caller;
import io.orderchat.search.MessageSearch;
import io.orderchat.search.SearchPage;
import io.orderchat.realtime.events.ChatEvent.MemberPresence;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.MessageRemoved;
import io.orderchat.realtime.events.ChatEvent.Notification;
import io.orderchat.realtime.events.ChatEvent.OwnReadMoved;
import io.orderchat.realtime.events.ChatEvent.OrderStatusChanged;
import io.orderchat.realtime.events.ChatEvent.ParticipantChanged;
import io.orderchat.realtime.events.ChatEvent.PresenceChanged;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.ChatEvent.ReadUpTo;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.Ack;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * The protocol new clients speak (docs/protocol.md): {@code noun:verb} commands
 * acknowledged with {@code {ok, data | error}}, and events named after what happened.
 */
final class CanonicalDialect implements Dialect {

	private final RealtimeConversations conversations;

	private final Inbox inbox;

	private final Messaging messaging;

	private final MessageReactions reactions;

	private final MessageSearch search;

	CanonicalDialect(RealtimeConversations conversations, Inbox inbox, Messaging messaging, MessageReactions reactions,
			MessageSearch search) {
		this.conversations = conversations;
		this.inbox = inbox;
		this.messaging = messaging;
		this.reactions = reactions;
		this.search = search;
	}

	@Override
	public String name() {
		return "canonical";
	}

	@Override
	public boolean spokenByDefault() {
		return true;
	}

	@Override
	public void register(CommandRouter router) {
		router.on(this, CanonicalEvents.CONVERSATION_JOIN,
				BackPressure.bulky((socket, caller, args) -> join(socket, caller, Payload.of(args))));
		router.on(this, CanonicalEvents.CONVERSATION_LEAVE, (socket, caller, args) -> {
			ConversationId id = conversationId(Payload.of(args));
			this.conversations.leave(socket, caller, id);
			return Map.of("conversationId", id);
		});
		router.onPipelined(this, CanonicalEvents.MESSAGE_SEND,
				(socket, caller, args) -> send(socket, caller, Payload.of(args)));
		router.on(this, CanonicalEvents.MESSAGE_DELETE, (socket, caller, args) -> {
			MessageDeleted deleted = this.messaging.delete(caller, Payload.of(args).uuid("messageId"));
			return Map.of("conversationId", deleted.conversationId(), "messageId", deleted.messageId(), "seq",
					deleted.seq());
		});
		router.on(this, CanonicalEvents.MESSAGE_REACT, (socket, caller, args) -> react(caller, Payload.of(args), true));
		router.on(this, CanonicalEvents.MESSAGE_UNREACT,
				(socket, caller, args) -> react(caller, Payload.of(args), false));
		router.on(this, CanonicalEvents.MESSAGE_HISTORY,
				BackPressure.bulky((socket, caller, args) -> history(caller, Payload.of(args))));
		router.on(this, CanonicalEvents.MESSAGE_SEARCH,
				BackPressure.bulky((socket, caller, args) -> search(caller, Payload.of(args))));
		router.on(this, CanonicalEvents.TYPING_START, (socket, caller, args) -> {
			this.conversations.startTyping(socket, caller, conversationId(Payload.of(args)));
			return null;
		});
		router.on(this, CanonicalEvents.TYPING_STOP, (socket, caller, args) -> {
			this.conversations.stopTyping(socket, caller, conversationId(Payload.of(args)));
			return null;
		});
		router.on(this, CanonicalEvents.CONVERSATION_READ, (socket, caller, args) -> read(caller, Payload.of(args)));
		router.on(this, CanonicalEvents.SYNC_RESUME,
				BackPressure.bulky((socket, caller, args) -> resume(socket, caller, Payload.of(args))));
		router.on(this, CanonicalEvents.UNREAD_GET, (socket, caller, args) -> unread(caller));
	}

	private Object join(SocketIoSocket socket, Caller caller, Payload payload) {
		ConversationId id = payload.optionalId("conversationId")
			.map(ConversationId::parse)
			.orElseGet(() -> this.conversations.ofOrder(caller, payload.id("orderId")));
		RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this, id);
		ConversationView view = joined.view();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversation", view.conversation());
		data.put("participants", view.participants().stream().map((p) -> participant(p, joined)).toList());
		data.put("messages", view.messages());
		data.put("hasMore", view.hasMore());
		data.put("unreadCount", view.unreadCount());
		data.put("lastSeq", view.lastSeq());
		data.put("readSeq", view.readSeq());
		return data;
	}

	private static Map<String, Object> participant(Participant participant, RealtimeConversations.Joined joined) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("userId", participant.userId());
		json.put("name", participant.name());
		json.put("role", participant.role());
		json.put("readSeq", participant.readSeq());
		json.put("online", joined.online().contains(participant.userId()));
		return json;
	}

	/**
	 * A text message, or with {@code attachments: [id…]} a message carrying files
	 * pre-uploaded over REST ({@code content} is then an optional caption). A text
	 * message may quote an earlier one: {@code replyTo} is its seq.
	 */
	private CompletableFuture<SendResult> send(SocketIoSocket socket, Caller caller, Payload payload) {
		ConversationId id = conversationId(payload);
		String content = payload.optionalText("content").orElse(null);
		String clientId = payload.optionalId("clientId").orElse(null);
		JsonNode attachments = payload.node("attachments");
		if (attachments.isArray() && !attachments.isEmpty()) {
			// stored with its files in one transaction: after the socket's earlier sends
			CommandRouter.awaitEarlierSends(socket);
			return CompletableFuture.completedFuture(this.conversations.sendUploaded(socket, caller, id, content,
					clientId, AttachmentReferences.ids(attachments)));
		}
		if (!attachments.isNull() && !attachments.isArray()) {
			throw Payload.invalid("'attachments' must be a list of uploaded file ids");
		}
		Long replyTo = payload.optionalLong("replyTo").orElse(null);
		// answered once committed, without holding the socket's next send (CommandRouter)
		return this.conversations.sendLater(socket, caller, id,
				new NewMessage(MessageType.TEXT, content, clientId, null, replyTo));
	}

	private ReactionsPayload react(Caller caller, Payload payload, boolean add) {
		ReactionsChanged changed = this.reactions.react(caller, conversationId(payload),
				payload.optionalLong("seq").orElseThrow(() -> Payload.invalid("'seq' is required")),
				payload.text("emoji"), add);
		return new ReactionsPayload(changed.conversationId().toString(), changed.messageId().toString(), changed.seq(),
				changed.reactions());
	}

	/** {@code GET /api/search} over the socket: the same fields, the same answer. */
	private SearchPage search(Caller caller, Payload payload) {
		return this.search.search(caller,
				new MessageSearch.Request(payload.optionalText("q").orElse(null),
						payload.optionalId("conversationId").orElse(null), payload.optionalText("kind").orElse(null),
						payload.optionalId("orderId").orElse(null), payload.optionalId("senderId").orElse(null),
						payload.optionalText("from").orElse(null), payload.optionalText("to").orElse(null),
						payload.optionalInt("limit").orElse(null), payload.optionalText("cursor").orElse(null)));
	}

	private HistoryPage history(Caller caller, Payload payload) {
		return this.conversations.history(caller, conversationId(payload),
				payload.optionalLong("beforeSeq").orElse(null), payload.optionalLong("afterSeq").orElse(null),
				payload.optionalInt("limit").orElse(null));
	}

	private Map<String, Object> read(Caller caller, Payload payload) {
		ReadReceipt receipt = this.conversations.read(caller, conversationId(payload),
				payload.optionalLong("seq").orElse(null));
		return Map.of("conversationId", receipt.conversationId(), "readSeq", receipt.readSeq(), "unreadCount",
				receipt.unreadCount());
	}

	private Map<String, Object> resume(SocketIoSocket socket, Caller caller, Payload payload) {
		JsonNode list = payload.node("conversations");
		if (!list.isArray()) {
			throw Payload.invalid("'conversations' must be a list of {conversationId, lastSeq}");
		}
		Map<ConversationId, Long> lastSeen = new LinkedHashMap<>();
		for (JsonNode item : list) {
			if (!item.isObject()) {
				throw Payload.invalid("each entry of 'conversations' must be {conversationId, lastSeq}");
			}
			Payload entry = new Payload(item);
			lastSeen.put(ConversationId.parse(entry.id("conversationId")), entry.optionalLong("lastSeq").orElse(0L));
		}
		List<Map<String, Object>> resumed = this.conversations.resume(socket, caller, this, lastSeen)
			.stream()
			.map(CanonicalDialect::resumed)
			.toList();
		return Map.of("conversations", resumed);
	}

	private static Map<String, Object> resumed(RealtimeConversations.Resumed resumed) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("conversationId", resumed.id());
		if (resumed.error() != null) {
			json.put("error", Replies.error(resumed.error()));
			return json;
		}
		json.put("messages", resumed.missed().messages());
		json.put("hasMore", resumed.missed().hasMore());
		json.put("lastSeq", resumed.lastSeq());
		return json;
	}

	private Map<String, Object> unread(Caller caller) {
		Unread unread = this.inbox.unread(caller);
		return Map.of("total", unread.total(), "conversations", unread.conversations());
	}

	private static ConversationId conversationId(Payload payload) {
		return ConversationId.parse(payload.id("conversationId"));
	}

	@Override
	public void render(ChatEvent event, Emitter emitter) {
		switch (event) {
			case MessageAdded added -> emitter.emit(CanonicalEvents.MESSAGE,
					new MessagePayload(added.subject().conversationId(), added.message()));
			case MessageRemoved removed -> emitter.emit(CanonicalEvents.MESSAGE_DELETED,
					new MessageDeletedPayload(removed.subject().conversationId(), removed.messageId(), removed.seq()));
			case ChatEvent.ReactionsChanged changed ->
				emitter.emit(CanonicalEvents.MESSAGE_REACTIONS, new ReactionsPayload(changed.subject().conversationId(),
						changed.messageId(), changed.seq(), changed.reactions()));
			case TypingChanged typing ->
				emitter.emit(CanonicalEvents.TYPING, new TypingPayload(typing.subject().conversationId(),
						typing.userId(), typing.name(), typing.typing()));
			case ReadUpTo read -> emitter.emit(CanonicalEvents.READ,
					new ReadPayload(read.subject().conversationId(), read.userId(), read.seq(), read.at()));
			case OwnReadMoved own -> emitter.emit(CanonicalEvents.UNREAD_UPDATED,
					new UnreadUpdatedPayload(own.subject().conversationId(), own.seq(), own.unreadCount(), own.at()));
			case MemberPresence member ->
				emitter.emit(member.joined() ? CanonicalEvents.MEMBER_JOINED : CanonicalEvents.MEMBER_LEFT,
						new MemberPayload(member.subject().conversationId(), member.userId(), member.name(),
								member.role()));
			case ParticipantChanged participant -> emitter.emit(
					participant.added() ? CanonicalEvents.PARTICIPANT_ADDED : CanonicalEvents.PARTICIPANT_REMOVED,
					new MemberPayload(participant.subject().conversationId(), participant.userId(), participant.name(),
							participant.role()));
			case OrderStatusChanged status -> emitter.emit(CanonicalEvents.ORDER_STATUS,
					new OrderStatusPayload(status.orderId(), status.subject().conversationId(), status.from(),
							status.to(), status.to(), status.byUserId(), status.notes(), status.at(),
							status.statusName()));
			case PresenceChanged presence ->
				emitter.emit(CanonicalEvents.PRESENCE, new PresencePayload(presence.userId(), presence.online()));
			case Notification notification -> emitter.emit(CanonicalEvents.NOTIFICATION, notification(notification));
			case ChatEvent.CounterpartPresence counterpart -> {
				// seed 004's wider presence audience; canonical clients hear
				// PresenceChanged
			}
			case ChatEvent.SignedOut signedOut -> {
				// the gateway tells and closes the sockets itself (SessionRevocation)
			}
		}
	}

	private static NotificationPayload notification(Notification notification) {
		Subject subject = notification.subject();
		return new NotificationPayload("message", subject.conversationId(), subject.kind(), subject.subjectId(),
				SeedDialect.orderIdOf(subject).orElse(null), notification.message().content(), notification.message());
	}

	@Override
	public void succeeded(Ack ack, Object data) {
		ack.send(Replies.ok(data));
	}

	@Override
	public void failed(SocketIoSocket socket, String command, Ack ack, DomainException error) {
		if (ack.requested()) {
			ack.send(Replies.failure(error));
		}
		else {
			socket.emit(CanonicalEvents.ERROR.wireName(),
					new ErrorPayload(error.code().name(), error.getMessage(), command));
		}
	}

}
