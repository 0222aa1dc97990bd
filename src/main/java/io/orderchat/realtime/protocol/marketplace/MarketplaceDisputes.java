package io.orderchat.realtime.protocol.marketplace;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.NewMessage;
import io.orderchat.disputes.Dispute;
import io.orderchat.disputes.DisputeManagement;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.Notification;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.realtime.events.StaffEvent;
import io.orderchat.realtime.events.StaffEvent.DisputeChanged;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialect;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.StaffRendering;
import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.DisputeMessage;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.DisputeStatusUpdate;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.DisputeTyping;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.JoinedDisputeChat;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.DISPUTE_TYPING_SET;
import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.JOINED_DISPUTE_CHAT;
import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.JOIN_DISPUTE_CHAT;
import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.LEAVE_DISPUTE_CHAT;
import static io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.SEND_DISPUTE_MESSAGE;

/**
 * Seed 004's dispute chat, on its dialect: {@code join_dispute_chat} (confirmed by
 * {@code joined_dispute_chat}), {@code leave_dispute_chat}, {@code dispute_message},
 * {@code dispute_typing}; the server pushes {@code dispute_message},
 * {@code dispute_typing} and {@code dispute_status_update}. Who may join is who may see
 * the dispute: its order's customer and performer, every moderator, admins.
 */
final class MarketplaceDisputes implements StaffRendering {

	private final Dialect seed004;

	private final RealtimeConversations conversations;

	private final DisputeManagement disputes;

	private final MarketplaceChats chats;

	MarketplaceDisputes(Dialect seed004, RealtimeConversations conversations, DisputeManagement disputes,
			MarketplaceChats chats) {
		this.seed004 = seed004;
		this.conversations = conversations;
		this.disputes = disputes;
		this.chats = chats;
	}

	@Override
	public Dialect dialect() {
		return this.seed004;
	}

	void register(CommandRouter router) {
		router.on(this.seed004, JOIN_DISPUTE_CHAT, BackPressure.bulky(this::join));
		router.on(this.seed004, LEAVE_DISPUTE_CHAT, (socket, caller, args) -> {
			Dispute dispute = dispute(caller, args);
			this.conversations.leave(socket, caller, dispute.conversationId());
			return SeedDialect.json("disputeId", dispute.id().toString());
		});
		// pipelined: dispute_message reaches the room after the commit either
		// way, and the sender's next message need not wait for it
		router.onPipelined(this.seed004, SEND_DISPUTE_MESSAGE, (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			Dispute dispute = dispute(caller, args);
			String content = payload.optionalText("content").filter((text) -> !text.isBlank()).orElse(null);
			if (content == null) {
				throw Payload.invalid("'content' is required");
			}
			String disputeId = dispute.id().toString();
			String orderId = this.chats.orderOf(disputeId);
			return this.conversations
				.sendLater(socket, caller, dispute.conversationId(),
						NewMessage.text(content, payload.optionalId("clientId").orElse(null)))
				.thenApply((result) -> message(disputeId, orderId, result.message()));
		});
		router.on(this.seed004, DISPUTE_TYPING_SET, (socket, caller, args) -> {
			ConversationId id = dispute(caller, args).conversationId();
			this.conversations.setTyping(socket, caller, id, Payload.of(args).optionalBoolean("isTyping").orElse(true));
			return null;
		});
	}

	private Object join(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		Dispute dispute = dispute(caller, args);
		RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this.seed004,
				dispute.conversationId());
		String disputeId = dispute.id().toString();
		String orderId = this.chats.orderOf(disputeId);
		JoinedDisputeChat confirmation = new JoinedDisputeChat(Payload.of(args).id("disputeId"), orderId,
				dispute.statusName(),
				joined.view().messages().stream().map((m) -> message(disputeId, orderId, m)).toList());
		socket.emit(JOINED_DISPUTE_CHAT.wireName(), confirmation);
		return confirmation;
	}

	private Dispute dispute(Caller caller, JsonNode[] args) {
		return this.chats.learn(this.disputes.get(caller, Payload.of(args).id("disputeId")));
	}

	static DisputeMessage message(String disputeId, String orderId, Message message) {
		return new DisputeMessage(disputeId, orderId, message.id().toString(), message.senderId(), message.content(),
				OrderMessageFiles.of(message), message.createdAt(), message.id().toString(), message.senderName(),
				message.senderRole(), message.type(), message.seq());
	}

	/**
	 * Renders the events of a dispute conversation for seed 004's clients (called by
	 * {@link MarketplaceDialect#render}).
	 */
	static void render(ChatEvent.InConversation event, MarketplaceChats chats, Dialect.Emitter emitter) {
		if (event.subject().kind() != ConversationKind.DISPUTE) {
			return;
		}
		String disputeId = event.subject().subjectId();
		switch (event) {
			case MessageAdded added -> emitter.emit(MarketplaceEvents.DISPUTE_MESSAGE,
					message(disputeId, chats.orderOf(disputeId), added.message()));
			case TypingChanged typing -> emitter.emit(MarketplaceEvents.DISPUTE_TYPING,
					new DisputeTyping(disputeId, typing.userId(), typing.typing(), typing.name()));
			case Notification notification -> {
				DisputeMessage message = message(disputeId, chats.orderOf(disputeId), notification.message());
				emitter.emit(MarketplaceEvents.NOTIFICATION,
						new MarketplaceEvents.DisputeNotification(message.messageId(), null, "dispute_message",
								message.senderName() + ": " + message.content(), disputeId, message.createdAt(),
								message));
			}
			default -> {
				// The marketplace's dispute chat knows no other events.
			}
		}
	}

	@Override
	public void render(StaffEvent event, Dialect.Emitter emitter) {
		if (event instanceof DisputeChanged changed) {
			Dispute dispute = this.chats.learn(changed.dispute());
			emitter.emit(MarketplaceEvents.DISPUTE_STATUS_UPDATE,
					new DisputeStatusUpdate(dispute.id().toString(), this.chats.orderOf(dispute.id().toString()),
							changed.statusName(), changed.byUserId(), dispute.updatedAt()));
		}
	}

}
