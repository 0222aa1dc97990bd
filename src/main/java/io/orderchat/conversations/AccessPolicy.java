package io.orderchat.conversations;

import java.util.EnumSet;
import java.util.Set;

import io.orderchat.identity.Caller;

/**
 * Who may read and write a conversation: its active participants; besides them admins
 * everywhere, moderators in dispute conversations, support agents in support ones. A
 * moderator is in an order's conversation only while assigned to the order: accepting it
 * (or a transfer of it) makes them a participant, a transfer away takes them out
 * (DIALECTS.md §0.2).
 */
final class AccessPolicy {

	private AccessPolicy() {
	}

	static boolean mayAccess(Caller caller, ConversationKind kind, boolean activeParticipant) {
		return activeParticipant || staffMayObserve(caller, kind);
	}

	/** The kinds of conversation the caller may read without taking part. */
	static Set<ConversationKind> observableBy(Caller caller) {
		Set<ConversationKind> kinds = EnumSet.noneOf(ConversationKind.class);
		for (ConversationKind kind : ConversationKind.values()) {
			if (staffMayObserve(caller, kind)) {
				kinds.add(kind);
			}
		}
		return kinds;
	}

	static boolean staffMayObserve(Caller caller, ConversationKind kind) {
		return switch (caller.role()) {
			case ADMIN -> true;
			case MODERATOR -> kind == ConversationKind.DISPUTE;
			case SUPPORT -> kind == ConversationKind.SUPPORT;
			case CUSTOMER, PERFORMER -> false;
		};
	}

}
