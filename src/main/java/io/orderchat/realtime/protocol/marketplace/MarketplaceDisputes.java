package io.orderchat.realtime.protocol.marketplace;

import io.orderchat.realtime.protocol.SeedDialect;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.Dialect;
import io.orderchat.realtime.gateway.StaffRendering;

import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.realtime.events.StaffEvent;

import java.util.List;
import java.util.Map;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationKind;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.NewMessage;
import io.orderchat.disputes.Dispute;
import io.orderchat.disputes.DisputeManagement;
import io.orderchat.identity.Caller;
import io.orderchat.realtime.events.ChatEvent.MessageAdded;
import io.orderchat.realtime.events.ChatEvent.TypingChanged;
import io.orderchat.realtime.events.StaffEvent.DisputeChanged;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * Seed 004's dispute chat, on its dialect: {@code join_dispute_chat} /
 * {@code leave_dispute_chat} {@code {disputeId}}, {@code dispute_message}
 * {@code {disputeId, content}}, {@code dispute_typing} {@code {disputeId, isTyping}}; the
 * server pushes {@code dispute_message}, {@code dispute_typing} and
 * {@code dispute_status_update} {@code {disputeId, status}}. Who may join is who may see
 * the dispute: its parties, moderators, admins.
 */
final class MarketplaceDisputes implements StaffRendering {

	private final Dialect seed004;

	private final RealtimeConversations conversations;

	private final DisputeManagement disputes;

	MarketplaceDisputes(Dialect seed004, RealtimeConversations conversations, DisputeManagement disputes) {
		this.seed004 = seed004;
		this.conversations = conversations;
		this.disputes = disputes;
	}

	@Override
	public Dialect dialect() {
		return this.seed004;
	}

	void register(CommandRouter router) {
		router.on(this.seed004, "join_dispute_chat", BackPressure.bulky((socket, caller, args) -> {
			Dispute dispute = dispute(caller, args);
			RealtimeConversations.Joined joined = this.conversations.join(socket, caller, this.seed004,
					dispute.conversationId());
			String disputeId = dispute.id().toString();
			return SeedDialect.json("disputeId", disputeId, "orderId", dispute.orderId().toString(), "status",
					dispute.status(), "messages",
					joined.view().messages().stream().map((m) -> message(disputeId, m)).toList());
		}));
		router.on(this.seed004, "leave_dispute_chat", (socket, caller, args) -> {
			Dispute dispute = dispute(caller, args);
			this.conversations.leave(socket, caller, dispute.conversationId());
			return SeedDialect.json("disputeId", dispute.id().toString());
		});
		router.on(this.seed004, "dispute_message", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			Dispute dispute = dispute(caller, args);
			Message stored = this.conversations
				.send(socket, caller, dispute.conversationId(), NewMessage
					.text(payload.optionalText("content").orElse(null), payload.optionalId("clientId").orElse(null)))
				.message();
			return message(dispute.id().toString(), stored);
		});
		router.on(this.seed004, "dispute_typing", this::typing);
	}

	private Object typing(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		ConversationId id = dispute(caller, args).conversationId();
		this.conversations.setTyping(socket, caller, id, Payload.of(args).optionalBoolean("isTyping").orElse(true));
		return null;
	}

	private Dispute dispute(Caller caller, JsonNode[] args) {
		return this.disputes.get(caller, SeedDialect.idArgument(args, "disputeId"));
	}

	/** The marketplace's DisputeChatMessage. */
	static Map<String, Object> message(String disputeId, Message message) {
		return SeedDialect.json("id", message.id(), "disputeId", disputeId, "senderId", message.senderId(),
				"senderName", message.senderName(), "senderRole", message.senderRole(), "content", message.content(),
				"type", message.type(), "attachments", List.of(), "seq", message.seq(), "createdAt",
				message.createdAt());
	}

	/**
	 * Renders the events of a dispute conversation for seed 004's clients (called by
	 * {@link MarketplaceDialect#render}).
	 */
	static void render(ChatEvent.InConversation event, Dialect.Emitter emitter) {
		if (event.subject().kind() != ConversationKind.DISPUTE) {
			return;
		}
		String disputeId = event.subject().subjectId();
		switch (event) {
			case MessageAdded added -> emitter.emit("dispute_message", message(disputeId, added.message()));
			case TypingChanged typing -> emitter.emit("dispute_typing", SeedDialect.json("userId", typing.userId(),
					"name", typing.name(), "disputeId", disputeId, "isTyping", typing.typing()));
			default -> {
				// The marketplace's dispute chat knows no other events.
			}
		}
	}

	@Override
	public void render(StaffEvent event, Dialect.Emitter emitter) {
		if (event instanceof DisputeChanged changed) {
			emitter.emit("dispute_status_update", SeedDialect.json("disputeId", changed.dispute().id().toString(),
					"orderId", changed.dispute().orderId().toString(), "status", changed.dispute().status()));
		}
	}

}
