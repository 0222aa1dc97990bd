package io.orderchat.conversations;

import io.orderchat.identity.Caller;

/**
 * Who may read and write a conversation: its active participants; besides them admins
 * everywhere, moderators in order and dispute conversations, support agents in support
 * ones.
 */
final class AccessPolicy {

	private AccessPolicy() {
	}

	static boolean mayAccess(Caller caller, ConversationKind kind, boolean activeParticipant) {
		return activeParticipant || staffMayObserve(caller, kind);
	}

	static boolean staffMayObserve(Caller caller, ConversationKind kind) {
		return switch (caller.role()) {
			case ADMIN -> true;
			case MODERATOR -> kind == ConversationKind.ORDER || kind == ConversationKind.DISPUTE;
			case SUPPORT -> kind == ConversationKind.SUPPORT;
			case CUSTOMER, PERFORMER -> false;
		};
	}

}
