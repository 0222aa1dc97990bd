package io.orderchat.realtime.pusher;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.orders.OrderManagement;
import io.orderchat.shared.DomainException;

/**
 * The private Pusher channels OrderChat offers and who may subscribe to each, by the same
 * rules as REST: {@code private-order-<orderId>} (an order's {@code status-updated}) for
 * whoever may read the order ({@code GET /api/orders/<id>}), and
 * {@code private-moderator-channel} (new orders) for moderators and admins, who see the
 * moderation queue. No other private channel exists.
 */
class PrivateChannels {

	static final String MODERATORS = "private-moderator-channel";

	static final String ORDER_PREFIX = "private-order-";

	private final OrderManagement orders;

	PrivateChannels(OrderManagement orders) {
		this.orders = orders;
	}

	/** Refuses ({@code FORBIDDEN}, {@code NOT_FOUND}) unless the caller may subscribe. */
	void checkMaySubscribe(Caller caller, String channel) {
		if (MODERATORS.equals(channel)) {
			if (!caller.is(Role.MODERATOR) && !caller.is(Role.ADMIN)) {
				throw DomainException.forbidden("Only moderators and admins may subscribe to " + MODERATORS);
			}
			return;
		}
		if (channel.startsWith(ORDER_PREFIX) && channel.length() > ORDER_PREFIX.length()) {
			// Refuses with 404 or 403 as the order's own endpoint does.
			this.orders.get(caller, channel.substring(ORDER_PREFIX.length()));
			return;
		}
		throw DomainException.notFound("No private channel '" + channel + "'; OrderChat offers " + MODERATORS + " and "
				+ ORDER_PREFIX + "<orderId>");
	}

}
