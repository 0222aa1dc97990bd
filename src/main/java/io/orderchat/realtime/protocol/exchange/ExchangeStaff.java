package io.orderchat.realtime.protocol.exchange;

import io.orderchat.realtime.protocol.SeedDialect;

import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.Dialect;
import io.orderchat.realtime.gateway.StaffRendering;

import io.orderchat.realtime.events.StaffEvent;

import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.moderation.Moderation;
import io.orderchat.moderation.Transfer;
import io.orderchat.orders.OrderJson;
import io.orderchat.realtime.events.StaffEvent.HistoryCleaned;
import io.orderchat.realtime.events.StaffEvent.ModeratorJoined;
import io.orderchat.realtime.events.StaffEvent.OrderQueued;
import io.orderchat.realtime.events.StaffEvent.TransferDecided;
import io.orderchat.realtime.events.StaffEvent.TransferStarted;
import tools.jackson.databind.JsonNode;

/**
 * Seed 000's moderator functions on its dialect: {@code moderator:accept},
 * {@code moderator:initiateTransfer}, {@code moderator:acceptTransfer} (and
 * {@code moderator:declineTransfer}), {@code chat:clean}, all with a {@code roomId} (the
 * order's conversation id); the server answers with {@code moderator:joined},
 * {@code chat:transferring}, {@code moderator:changed}, {@code chat:cleaned} in the room,
 * and the Pusher {@code moderator-channel}'s {@code new-order-chat} to online moderators.
 */
final class ExchangeStaff implements StaffRendering {

	private final Dialect seed000;

	private final Moderation moderation;

	ExchangeStaff(Dialect seed000, Moderation moderation) {
		this.seed000 = seed000;
		this.moderation = moderation;
	}

	@Override
	public Dialect dialect() {
		return this.seed000;
	}

	void register(CommandRouter router) {
		router.on(this.seed000, "moderator:accept",
				(socket, caller, args) -> OrderJson.of(this.moderation.accept(caller, room(args))));
		router.on(this.seed000, "moderator:initiateTransfer", (socket, caller, args) -> this.moderation
			.initiateTransfer(caller, room(args), Payload.of(args).id("toModeratorId")));
		router.on(this.seed000, "moderator:acceptTransfer",
				(socket, caller, args) -> this.moderation.acceptTransfer(caller, room(args)));
		router.on(this.seed000, "moderator:declineTransfer",
				(socket, caller, args) -> this.moderation.declineTransfer(caller, room(args)));
		router.on(this.seed000, "chat:clean", (socket, caller, args) -> this.moderation.clean(caller, room(args)));
	}

	/** Seed 000 names the order by its chat room; an order id works too. */
	private static String room(JsonNode[] args) {
		Payload payload = Payload.of(args);
		return payload.optionalId("roomId").orElseGet(() -> payload.id("orderId"));
	}

	@Override
	public void render(StaffEvent event, Dialect.Emitter emitter) {
		switch (event) {
			case OrderQueued queued -> {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("orderId", queued.order().id().toString());
				json.put("chatRoomId", queued.order().conversationId());
				json.put("roomId", queued.order().conversationId());
				json.put("order", OrderJson.of(queued.order()));
				emitter.emit("new-order-chat", json);
			}
			case ModeratorJoined joined -> emitter.emit("moderator:joined",
					Map.of("roomId", joined.subject().conversationId(), "orderId", joined.orderId(), "moderator",
							SeedDialect.person(joined.moderatorId(), joined.moderatorName())));
			case TransferStarted started -> emitter.emit("chat:transferring", transferring(started.transfer()));
			case TransferDecided decided -> {
				Transfer transfer = decided.transfer();
				if (decided.accepted()) {
					Map<String, Object> json = new LinkedHashMap<>();
					json.put("roomId", transfer.conversationId());
					json.put("orderId", transfer.orderId());
					json.put("newModerator", SeedDialect.person(transfer.toId(), transfer.toName()));
					json.put("previousModerator", SeedDialect.person(transfer.fromId(), transfer.fromName()));
					emitter.emit("moderator:changed", json);
				}
				else {
					emitter.emit("chat:transferDeclined", transferring(transfer));
				}
			}
			case HistoryCleaned cleaned -> emitter.emit("chat:cleaned",
					Map.of("roomId", cleaned.subject().conversationId(), "moderator",
							SeedDialect.person(cleaned.moderatorId(), cleaned.moderatorName()), "imagesDeleted",
							cleaned.imagesDeleted(), "messagesDeleted", cleaned.messagesRemoved()));
			default -> {
				// Seed 000 knows no support sessions, disputes or internal notes.
			}
		}
	}

	/** {@code from} is the name seed 000's client prints; the objects carry the ids. */
	private static Map<String, Object> transferring(Transfer transfer) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("roomId", transfer.conversationId());
		json.put("orderId", transfer.orderId());
		json.put("from", transfer.fromName());
		json.put("to", transfer.toName());
		json.put("fromModerator", SeedDialect.person(transfer.fromId(), transfer.fromName()));
		json.put("toModerator", SeedDialect.person(transfer.toId(), transfer.toName()));
		json.put("toModeratorId", transfer.toId());
		return json;
	}

}
