package io.orderchat.realtime.protocol.exchange;

import java.time.Instant;

import io.orderchat.identity.Caller;
import io.orderchat.moderation.CleanReport;
import io.orderchat.moderation.Moderation;
import io.orderchat.moderation.Transfer;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderJson;
import io.orderchat.realtime.events.StaffEvent;
import io.orderchat.realtime.events.StaffEvent.HistoryCleaned;
import io.orderchat.realtime.events.StaffEvent.ModeratorJoined;
import io.orderchat.realtime.events.StaffEvent.OrderQueued;
import io.orderchat.realtime.events.StaffEvent.TransferDecided;
import io.orderchat.realtime.events.StaffEvent.TransferStarted;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialect;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.gateway.SocketRooms;
import io.orderchat.realtime.gateway.StaffRendering;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.CleanConfirmedPayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.CleanedPayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.ModeratorChangedPayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.ModeratorJoinedPayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.NewOrderChatPayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.Person;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.TransferRequestPayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.TransferringPayload;
import io.orderchat.socketio.SocketIoSocket;
import tools.jackson.databind.JsonNode;

/**
 * Seed 000's moderator functions (DIALECTS.md §1.2): {@code moderator:accept},
 * {@code moderator:initiateTransfer}, {@code moderator:acceptTransfer} (and, beyond the
 * seed, {@code moderator:declineTransfer}) and {@code chat:clean}, each with the
 * {@code roomId} of an order's chat. Accepting an order or a transfer puts the accepting
 * socket into the room; a transfer takes the previous moderator's sockets out (the domain
 * removes them from the chat).
 */
final class ExchangeStaff implements StaffRendering {

	private final Dialect seed000;

	private final Moderation moderation;

	private final SocketRooms rooms;

	private final ExchangeRooms orderRooms;

	ExchangeStaff(Dialect seed000, Moderation moderation, SocketRooms rooms, ExchangeRooms orderRooms) {
		this.seed000 = seed000;
		this.moderation = moderation;
		this.rooms = rooms;
		this.orderRooms = orderRooms;
	}

	@Override
	public Dialect dialect() {
		return this.seed000;
	}

	void register(CommandRouter router) {
		router.on(this.seed000, ExchangeEvents.MODERATOR_ACCEPT, this::accept);
		router.on(this.seed000, ExchangeEvents.INITIATE_TRANSFER, (socket, caller, args) -> this.moderation
			.initiateTransfer(caller, roomId(args), Payload.of(args).id("toModeratorId")));
		router.on(this.seed000, ExchangeEvents.ACCEPT_TRANSFER, this::acceptTransfer);
		router.on(this.seed000, ExchangeEvents.DECLINE_TRANSFER,
				(socket, caller, args) -> this.moderation.declineTransfer(caller, roomId(args)));
		router.on(this.seed000, ExchangeEvents.CHAT_CLEAN, this::clean);
	}

	private Object accept(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		String roomId = roomId(args);
		Order accepted = this.rooms.joinOnCommit(socket, this.seed000, () -> this.moderation.accept(caller, roomId),
				Order::conversationId);
		return OrderJson.of(accepted);
	}

	private Object acceptTransfer(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		String roomId = roomId(args);
		return this.rooms.joinOnCommit(socket, this.seed000, () -> this.moderation.acceptTransfer(caller, roomId),
				Transfer::conversationId);
	}

	/** Cleans the room; the moderator who did gets {@code chat:cleanConfirmed}. */
	private Object clean(SocketIoSocket socket, Caller caller, JsonNode[] args) {
		CleanReport report = this.moderation.clean(caller, roomId(args));
		socket.emit(ExchangeEvents.CLEAN_CONFIRMED.wireName(),
				new CleanConfirmedPayload(true, report.conversationId().toString(), report.imagesDeleted()));
		return report;
	}

	/**
	 * The {@code roomId} of an order's chat; refuses one that names no order chat
	 * ({@code NOT_FOUND}), never reading it as an order id.
	 */
	private String roomId(JsonNode[] args) {
		return this.orderRooms.room(Payload.of(args)).id().toString();
	}

	@Override
	public void render(StaffEvent event, Dialect.Emitter emitter) {
		switch (event) {
			case OrderQueued queued -> {
				String roomId = queued.order().conversationId().toString();
				emitter.emit(ExchangeEvents.NEW_ORDER_CHAT, new NewOrderChatPayload(queued.order().id().toString(),
						roomId, roomId, OrderJson.of(queued.order())));
			}
			case ModeratorJoined joined -> emitter.emit(ExchangeEvents.MODERATOR_JOINED,
					new ModeratorJoinedPayload(joined.subject().conversationId(), joined.orderId(),
							new Person(joined.moderatorId(), joined.moderatorName())));
			case TransferStarted started -> {
				Transfer transfer = started.transfer();
				emitter.emit(ExchangeEvents.TRANSFERRING, transferring(transfer));
				if (emitter.userDirected()) {
					// only its target's sockets: the room must not be asked to accept
					emitter.emit(ExchangeEvents.TRANSFER_REQUEST,
							new TransferRequestPayload(transfer.conversationId().toString(),
									transfer.orderId().toString(), new Person(transfer.fromId(), transfer.fromName()),
									"Order " + transfer.orderId()));
				}
			}
			case TransferDecided decided when decided.accepted() -> {
				Transfer transfer = decided.transfer();
				emitter.emit(ExchangeEvents.MODERATOR_CHANGED,
						new ModeratorChangedPayload(transfer.conversationId().toString(), transfer.orderId().toString(),
								new Person(transfer.toId(), transfer.toName()),
								new Person(transfer.fromId(), transfer.fromName())));
			}
			case TransferDecided declined ->
				emitter.emit(ExchangeEvents.TRANSFER_DECLINED, transferring(declined.transfer()));
			case HistoryCleaned cleaned -> emitter.emit(ExchangeEvents.CLEANED,
					new CleanedPayload(cleaned.subject().conversationId(),
							new Person(cleaned.moderatorId(), cleaned.moderatorName()), cleaned.imagesDeleted(),
							cleaned.messagesRemoved(), Instant.now()));
			default -> {
				// Seed 000 knows no support sessions, disputes or internal notes.
			}
		}
	}

	private static TransferringPayload transferring(Transfer transfer) {
		Person from = new Person(transfer.fromId(), transfer.fromName());
		Person to = new Person(transfer.toId(), transfer.toName());
		return new TransferringPayload(transfer.conversationId().toString(), transfer.orderId().toString(),
				transfer.fromName(), transfer.toId(), transfer.createdAt(), transfer.toName(), from, to);
	}

}
