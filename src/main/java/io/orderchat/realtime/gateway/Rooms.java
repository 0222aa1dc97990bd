package io.orderchat.realtime.gateway;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Role;

/**
 * Room names. A socket that joins a conversation is in the conversation's room and in its
 * room for the dialect it joined with; every socket is in its user's room (a staff socket
 * in its role's too) and in one more such room for the dialects it hears (DIALECTS.md
 * §0.3): the <em>unbound</em> one until its first command binds it to a dialect, then the
 * one of that dialect. A user-directed event of a dialect goes to both the dialect's room
 * and the unbound one, so an idle socket is in two rooms for this, not one per dialect.
 */
final class Rooms {

	private Rooms() {
	}

	static String conversation(ConversationId id) {
		return conversation(id.toString());
	}

	static String conversation(String conversationId) {
		return "c:" + conversationId;
	}

	static String conversation(ConversationId id, Dialect dialect) {
		return conversation(id.toString(), dialect);
	}

	static String conversation(String conversationId, Dialect dialect) {
		return "c:" + conversationId + "/" + dialect.name();
	}

	static String user(String userId) {
		return "u:" + userId;
	}

	/** Every socket of a staff role (moderators, support agents, admins). */
	static String role(Role role) {
		return "r:" + role.wire();
	}

	/**
	 * The sockets of a staff role bound to the dialect; with {@link #unboundRole} those
	 * that hear it.
	 */
	static String role(Role role, Dialect dialect) {
		return "r:" + role.wire() + "/" + dialect.name();
	}

	/**
	 * The staff sockets that joined a conversation: the only room internal notes go to.
	 */
	static String staff(ConversationId id) {
		return staff(id.toString());
	}

	static String staff(String conversationId) {
		return "c:" + conversationId + "/staff";
	}

	/**
	 * Every socket that speaks a dialect, in any room: a dialect nobody speaks renders
	 * nothing.
	 */
	static String dialect(Dialect dialect) {
		return "d:" + dialect.name();
	}

	/**
	 * The sockets of a user bound to the dialect; with {@link #unboundUser} those that
	 * hear it.
	 */
	static String user(String userId, Dialect dialect) {
		return "u:" + userId + "/" + dialect.name();
	}

	/**
	 * The sockets of a user bound to no dialect yet, which hear its events in every
	 * dialect. ({@code *} is no dialect's name.)
	 */
	static String unboundUser(String userId) {
		return "u:" + userId + "/*";
	}

	/** The sockets of a staff role bound to no dialect yet. */
	static String unboundRole(Role role) {
		return "r:" + role.wire() + "/*";
	}

}
