package io.orderchat.realtime.gateway;

import io.orderchat.conversations.ConversationId;

/**
 * Room names. A socket that joins a conversation is in the conversation's room and in its
 * room for the dialect it joined with; every socket is in its user's room and in that
 * room for each dialect it speaks.
 */
final class Rooms {

	private Rooms() {
	}

	static String conversation(ConversationId id) {
		return "c:" + id;
	}

	static String conversation(ConversationId id, Dialect dialect) {
		return "c:" + id + "/" + dialect.name();
	}

	static String user(String userId) {
		return "u:" + userId;
	}

	static String user(String userId, Dialect dialect) {
		return "u:" + userId + "/" + dialect.name();
	}

}
