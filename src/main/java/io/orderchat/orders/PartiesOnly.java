package io.orderchat.orders;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;

/**
 * The chat rule of the apps that know only an order's two parties (seeds 001 and 002,
 * DIALECTS.md §2, §3): its customer, its performer and admins use the order's chat;
 * moderators are not admitted there, even the order's own, nor is anyone else.
 */
public final class PartiesOnly {

	private PartiesOnly() {
	}

	public static void require(Caller caller, Order order) {
		if (caller.role() != Role.ADMIN && !order.isCustomer(caller.userId()) && !order.isPerformer(caller.userId())) {
			throw DomainException.forbidden("Only the order's customer and performer use this order's chat");
		}
	}

}
