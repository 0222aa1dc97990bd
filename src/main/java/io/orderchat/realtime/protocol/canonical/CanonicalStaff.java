package io.orderchat.realtime.protocol.canonical;

import io.orderchat.realtime.protocol.canonical.CanonicalEvents.CleanedPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.DisputePayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.NotePayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.OrderAcceptedPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.OrderQueuedPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.Person;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.SessionAcceptedPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.SessionQueuedPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.SessionStatusPayload;
import io.orderchat.realtime.protocol.canonical.CanonicalEvents.TransferPayload;

import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.BackPressure;
import io.orderchat.realtime.gateway.Dialect;
import io.orderchat.realtime.gateway.StaffRendering;

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
import io.orderchat.realtime.events.StaffEvent.SessionStatusAnnounced;
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
		router.on(this.canonical, CanonicalEvents.MODERATION_QUEUE, BackPressure
			.bulky((socket, caller, args) -> this.moderation.queue(caller).stream().map(OrderJson::of).toList()));
		router.on(this.canonical, CanonicalEvents.ORDER_ACCEPT,
				(socket, caller, args) -> OrderJson.of(this.moderation.accept(caller, order(Payload.of(args)))));
		router.on(this.canonical, CanonicalEvents.TRANSFER_INITIATE, (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			return this.moderation.initiateTransfer(caller, order(payload), payload.id("toModeratorId"));
		});
		router.on(this.canonical, CanonicalEvents.TRANSFER_ACCEPT,
				(socket, caller, args) -> this.moderation.acceptTransfer(caller, order(Payload.of(args))));
		router.on(this.canonical, CanonicalEvents.TRANSFER_DECLINE,
				(socket, caller, args) -> this.moderation.declineTransfer(caller, order(Payload.of(args))));
		router.on(this.canonical, CanonicalEvents.CONVERSATION_CLEAN,
				(socket, caller, args) -> this.moderation.clean(caller, order(Payload.of(args))));
		router.on(this.canonical, CanonicalEvents.NOTE_ADD, (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			return this.moderation.addNote(caller, payload.id("conversationId"),
					payload.optionalText("content").orElse(null));
		});
		router.on(this.canonical, CanonicalEvents.SUPPORT_QUEUE, BackPressure
			.bulky((socket, caller, args) -> this.support.queue(caller).stream().map(SessionJson::of).toList()));
		router.on(this.canonical, CanonicalEvents.SUPPORT_ACCEPT, (socket, caller, args) -> SessionJson
			.of(this.support.accept(caller, Payload.of(args).id("sessionId"))));
		router.on(this.canonical, CanonicalEvents.SUPPORT_CLOSE,
				(socket, caller, args) -> SessionJson.of(this.support.close(caller, Payload.of(args).id("sessionId"))));
		router.on(this.canonical, CanonicalEvents.SUPPORT_STATUS, (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			SupportStatus to = SupportStatus.parse(payload.text("status"))
				.orElseThrow(() -> Payload.invalid("'status' must be active, resolved or closed"));
			return SessionJson.of(this.support.changeStatus(caller, payload.id("sessionId"), to));
		});
		router.on(this.canonical, CanonicalEvents.DISPUTE_OPEN, (socket, caller, args) -> {
			Payload payload = Payload.of(args);
			return this.disputes.open(caller, payload.id("orderId"), payload.optionalText("reason").orElse(null));
		});
		router.on(this.canonical, CanonicalEvents.DISPUTE_STATUS, (socket, caller, args) -> {
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
			case OrderQueued queued -> emitter.emit(CanonicalEvents.ORDER_NEW,
					new OrderQueuedPayload(OrderJson.of(queued.order()), queued.order().conversationId()));
			case ModeratorJoined joined ->
				emitter.emit(CanonicalEvents.ORDER_ACCEPTED, new OrderAcceptedPayload(joined.subject().conversationId(),
						joined.orderId(), new Person(joined.moderatorId(), joined.moderatorName())));
			case TransferStarted started ->
				emitter.emit(CanonicalEvents.TRANSFER_INITIATED, transfer(started.transfer()));
			case TransferDecided decided ->
				emitter.emit(decided.accepted() ? CanonicalEvents.TRANSFER_ACCEPTED : CanonicalEvents.TRANSFER_DECLINED,
						transfer(decided.transfer()));
			case HistoryCleaned cleaned -> emitter.emit(CanonicalEvents.CONVERSATION_CLEANED,
					new CleanedPayload(cleaned.subject().conversationId(),
							new Person(cleaned.moderatorId(), cleaned.moderatorName()), cleaned.messagesRemoved(),
							cleaned.imagesDeleted()));
			case NoteAdded note -> emitter.emit(CanonicalEvents.NOTE_ADDED,
					new NotePayload(note.subject().conversationId(), note.message()));
			case SessionQueued queued -> emitter.emit(CanonicalEvents.SUPPORT_QUEUED,
					new SessionQueuedPayload(SessionJson.of(queued.session())));
			case SessionAccepted accepted -> emitter.emit(CanonicalEvents.SUPPORT_ACCEPTED, new SessionAcceptedPayload(
					accepted.subject().conversationId(), SessionJson.of(accepted.session())));
			case SessionStatusAnnounced announced -> {
				// canonical clients hear of the sessions they take part in
				// (support:status)
			}
			case SessionStatusChanged changed -> emitter.emit(CanonicalEvents.SUPPORT_STATUS_CHANGED,
					new SessionStatusPayload(changed.subject().conversationId(), changed.session().id().toString(),
							changed.from(), changed.to(), changed.byUserId(), SessionJson.of(changed.session())));
			case DisputeChanged changed -> emitter.emit(CanonicalEvents.DISPUTE_STATUS_CHANGED,
					new DisputePayload(changed.dispute().id().toString(), changed.dispute().orderId().toString(),
							changed.subject().conversationId(), changed.dispute().status(), changed.statusName(),
							changed.dispute()));
		}
	}

	private static TransferPayload transfer(Transfer transfer) {
		return new TransferPayload(transfer.conversationId(), transfer.orderId(), transfer.id().toString(),
				transfer.status(), new Person(transfer.fromId(), transfer.fromName()),
				new Person(transfer.toId(), transfer.toName()));
	}

}
