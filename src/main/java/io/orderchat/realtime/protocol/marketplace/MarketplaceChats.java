package io.orderchat.realtime.protocol.marketplace;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.orderchat.disputes.Dispute;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;

/**
 * What seed 004's events name but the pipeline's events do not carry: an order's customer
 * and performer ({@code order_message.receiverId}, {@code notification.userId}), the id
 * the app knows the order by (the host's own when it registered the order under one,
 * DIALECTS.md §0.7) and a dispute's order ({@code dispute_message.orderId}). Learnt
 * whenever a command or a dispute event reads the order or dispute, so rendering an event
 * for a room joined on this node asks the domain nothing; an order is looked up once on a
 * miss.
 */
final class MarketplaceChats {

	/** A performer can change; a short life keeps a stale receiver short-lived too. */
	private static final Duration TTL = Duration.ofMinutes(5);

	private final Cache<String, Parties> parties = Caffeine.newBuilder()
		.maximumSize(50_000)
		.expireAfterWrite(TTL)
		.build();

	private final Cache<String, String> orderOfDispute = Caffeine.newBuilder()
		.maximumSize(50_000)
		.expireAfterAccess(TTL)
		.build();

	private final OrderManagement orders;

	MarketplaceChats(OrderManagement orders) {
		this.orders = orders;
	}

	/** The order's parties, as a command just read them. */
	Order learn(Order order) {
		this.parties.put(order.id().toString(), new Parties(order.customerId(), order.performerId(),
				(order.externalId() != null) ? order.externalId() : order.id().toString()));
		return order;
	}

	/** The dispute's order, by the id the app knows it by. */
	Dispute learn(Dispute dispute) {
		this.orderOfDispute.put(dispute.id().toString(), clientOrderId(dispute.orderId().toString()));
		return dispute;
	}

	/**
	 * The id the app knows an order by, from OrderChat's: the host's own when it
	 * registered the order under one.
	 */
	String clientOrderId(String orderId) {
		return partiesOf(orderId).map(Parties::clientOrderId).orElse(orderId);
	}

	Optional<Parties> partiesOf(String orderId) {
		Parties known = this.parties.getIfPresent(orderId);
		if (known != null) {
			return Optional.of(known);
		}
		return this.orders.find(orderId).map((order) -> {
			learn(order);
			return this.parties.getIfPresent(orderId);
		});
	}

	/**
	 * The disputed order's id (as the app knows it), when a command or event on this node
	 * has named it.
	 */
	String orderOf(String disputeId) {
		return this.orderOfDispute.getIfPresent(disputeId);
	}

	/** The two sides of an order, and the id the app knows the order by. */
	record Parties(String customerId, String performerId, String clientOrderId) {

		/**
		 * Whom a message of {@code senderId} is for: the other side; the customer for
		 * anyone else (an admin, the assigned moderator).
		 */
		String receiverOf(String senderId) {
			return (senderId != null && senderId.equals(this.customerId)) ? this.performerId : this.customerId;
		}

	}

}
