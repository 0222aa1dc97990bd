package io.orderchat.conversations;

import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;

/**
 * Who may change who is in a conversation once it has started: moderators and admins in
 * order and dispute conversations, support agents and admins in support ones. Customers,
 * performers and staff of the other desk never. {@link Membership} applies it to every
 * {@code addParticipant} and {@code removeParticipant}, so no workflow (accepting an
 * order or a transfer, a status change, a performer change, a support assignment, a
 * moderator joining a dispute) can add anyone without it; each workflow adds its own
 * conditions on top (only the order's moderator, only the transfer's target).
 */
public final class MembershipPolicy {

	private MembershipPolicy() {
	}

	public static boolean mayChange(Caller actor, ConversationKind kind) {
		return switch (actor.role()) {
			case ADMIN -> true;
			case MODERATOR -> kind == ConversationKind.ORDER || kind == ConversationKind.DISPUTE;
			case SUPPORT -> kind == ConversationKind.SUPPORT;
			case CUSTOMER, PERFORMER -> false;
		};
	}

	static void require(Caller actor, ConversationKind kind) {
		if (!mayChange(actor, kind)) {
			throw DomainException.forbidden(who(kind) + " can change who takes part in " + kind.wire() + " chats");
		}
	}

	private static String who(ConversationKind kind) {
		return (kind == ConversationKind.SUPPORT) ? "Only support agents and admins" : "Only moderators and admins";
	}

}
