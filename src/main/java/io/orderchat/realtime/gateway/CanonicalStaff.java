package io.orderchat.realtime.gateway;

import io.orderchat.realtime.events.StaffEvent;

import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.disputes.DisputeManagement;
import io.orderchat.disputes.DisputeStatus;
import io.orderchat.moderation.Moderation;
import io.orderchat.moderation.Transfer;
import io.orderchat.orders.OrderJson;
import io.orderchat.realtime.events.StaffEvent.DisputeChanged;
import io.orderchat.realtime.events.StaffEvent.HistoryCleaned;
import io.orderchat.realtime.events.StaffEvent.ModeratorJoined;
import io.orderchat.realtime.events.StaffEvent.NoteAdded;
import io.orderchat.realtime.events.StaffEvent.OrderQueued;
import io.orderchat.realtime.events.StaffEvent.SessionAccepted;
import io.orderchat.realtime.events.StaffEvent.SessionQueued;
import io.orderchat.realtime.events.StaffEvent.SessionStatusChanged;
import io.orderchat.realtime.events.StaffEvent.TransferDecided;
import io.orderchat.realtime.events.StaffEvent.TransferStarted;
import io.orderchat.support.SessionJson;
import io.orderchat.support.SupportDesk;
import io.orderchat.support.SupportStatus;

/**
 * The canonical protocol's staff commands ({@code order:accept}, {@code transfer:*},
 * {@code conversation:clean}, {@code note:add}, {@code support:*}, {@code dispute:*}),
 * acknowledged like every canonical command, and its staff events (docs/protocol.md). An
 * order is named by {@code orderId} or by its {@code conversationId}.
 */
final class CanonicalStaff implements StaffRendering {

	private final Dialect canonical;

	private final Moderation moderation;

	private final SupportDesk support;

	private final DisputeManagement disputes;

	CanonicalStaff(Dialect canonical, Moderation moderation, SupportDesk support, DisputeManagement disputes) {
		this.canonical = canonical;
		this.moderation = moderation;
		this.support = support;
		this.disputes = disputes;
	}

	@Override
	public Dialect dialect() {
		return this.canonical;
	}

	void register(CommandRouter router) {
		router.on(this.canonical, "moderation:queue", BackPressure
			.bulky((socket, caller, args) -> this.moderation.queue(caller).stream().map(OrderJson::of).toList()));
		router.on(this.canonical, "order:accept",
				(socket, caller, args) -> OrderJson.of(this.moderation.accept(caller, order(Payload.of(args)))));
		router.on(this.canonical, "transfer:initiate", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			return this.moderation.initiateTransfer(caller, order(payload), payload.id("toModeratorId"));
		});
		router.on(this.canonical, "transfer:accept",
				(socket, caller, args) -> this.moderation.acceptTransfer(caller, order(Payload.of(args))));
		router.on(this.canonical, "transfer:decline",
				(socket, caller, args) -> this.moderation.declineTransfer(caller, order(Payload.of(args))));
		router.on(this.canonical, "conversation:clean",
				(socket, caller, args) -> this.moderation.clean(caller, order(Payload.of(args))));
		router.on(this.canonical, "note:add", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			return this.moderation.addNote(caller, payload.id("conversationId"),
					payload.optionalText("content").orElse(null));
		});
		router.on(this.canonical, "support:queue", BackPressure
			.bulky((socket, caller, args) -> this.support.queue(caller).stream().map(SessionJson::of).toList()));
		router.on(this.canonical, "support:accept", (socket, caller, args) -> SessionJson
			.of(this.support.accept(caller, Payload.of(args).id("sessionId"))));
		router.on(this.canonical, "support:close",
				(socket, caller, args) -> SessionJson.of(this.support.close(caller, Payload.of(args).id("sessionId"))));
		router.on(this.canonical, "support:status", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			SupportStatus to = SupportStatus.parse(payload.text("status"))
				.orElseThrow(() -> Payload.invalid("'status' must be active, resolved or closed"));
			return SessionJson.of(this.support.changeStatus(caller, payload.id("sessionId"), to));
		});
		router.on(this.canonical, "dispute:open", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			return this.disputes.open(caller, payload.id("orderId"), payload.optionalText("reason").orElse(null));
		});
		router.on(this.canonical, "dispute:status", (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			DisputeStatus to = DisputeStatus.parse(payload.text("status"))
				.orElseThrow(() -> Payload.invalid("'status' must be in_review, resolved or rejected"));
			return this.disputes.changeStatus(caller, payload.id("disputeId"), to,
					payload.optionalText("resolution").orElse(null));
		});
	}

	private static String order(Payload payload) {
		return payload.optionalId("orderId").orElseGet(() -> payload.id("conversationId"));
	}

	@Override
	public void render(StaffEvent event, Dialect.Emitter emitter) {
		switch (event) {
			case OrderQueued queued -> emitter.emit("order:new",
					Map.of("order", OrderJson.of(queued.order()), "conversationId", queued.order().conversationId()));
			case ModeratorJoined joined ->
				emitter.emit("order:accepted", Map.of("conversationId", joined.subject().conversationId(), "orderId",
						joined.orderId(), "moderator", person(joined.moderatorId(), joined.moderatorName())));
			case TransferStarted started -> emitter.emit("transfer:initiated", transfer(started.transfer()));
			case TransferDecided decided -> emitter.emit(decided.accepted() ? "transfer:accepted" : "transfer:declined",
					transfer(decided.transfer()));
			case HistoryCleaned cleaned -> emitter.emit("conversation:cleaned",
					Map.of("conversationId", cleaned.subject().conversationId(), "moderator",
							person(cleaned.moderatorId(), cleaned.moderatorName()), "messagesRemoved",
							cleaned.messagesRemoved(), "imagesDeleted", cleaned.imagesDeleted()));
			case NoteAdded note -> emitter.emit("note:added",
					Map.of("conversationId", note.subject().conversationId(), "message", note.message()));
			case SessionQueued queued ->
				emitter.emit("support:queued", Map.of("session", SessionJson.of(queued.session())));
			case SessionAccepted accepted -> emitter.emit("support:accepted", Map.of("conversationId",
					accepted.subject().conversationId(), "session", SessionJson.of(accepted.session())));
			case SessionStatusChanged changed -> {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("conversationId", changed.subject().conversationId());
				json.put("sessionId", changed.session().id().toString());
				json.put("from", changed.from());
				json.put("status", changed.to());
				json.put("by", changed.byUserId());
				json.put("session", SessionJson.of(changed.session()));
				emitter.emit("support:status", json);
			}
			case DisputeChanged changed ->
				emitter.emit("dispute:status", Map.of("disputeId", changed.dispute().id().toString(), "orderId",
						changed.dispute().orderId().toString(), "conversationId", changed.subject().conversationId(),
						"status", changed.dispute().status(), "dispute", changed.dispute()));
		}
	}

	private static Map<String, Object> transfer(Transfer transfer) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("conversationId", transfer.conversationId());
		json.put("orderId", transfer.orderId());
		json.put("transferId", transfer.id().toString());
		json.put("status", transfer.status());
		json.put("from", person(transfer.fromId(), transfer.fromName()));
		json.put("to", person(transfer.toId(), transfer.toName()));
		return json;
	}

	static Map<String, Object> person(String id, String name) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.put("name", name);
		return json;
	}

}
