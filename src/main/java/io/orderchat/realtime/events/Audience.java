package io.orderchat.realtime.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.orderchat.identity.Role;

/**
 * Who hears an event: the sockets of any {@link #to} target, except those of any
 * {@link #except} target. Named by ids only, so that any node can resolve it against its
 * own sockets.
 */
public record Audience(List<Target> to, List<Target> except) {

	public Audience {
		to = List.copyOf(to);
		except = List.copyOf(except);
	}

	/** A group of sockets. */
	public sealed interface Target {

		/** The id the target is named by. */
		String key();

	}

	/** Every socket that joined the conversation's live room. */
	public record Conversation(String conversationId) implements Target {

		@Override
		public String key() {
			return this.conversationId;
		}

	}

	/** Every socket of the user. */
	public record User(String userId) implements Target {

		@Override
		public String key() {
			return this.userId;
		}

	}

	/** Every socket of a staff role. */
	public record Staff(Role role) implements Target {

		@Override
		public String key() {
			return this.role.wire();
		}

	}

	/** The staff sockets that joined the conversation (internal notes go only there). */
	public record StaffOf(String conversationId) implements Target {

		@Override
		public String key() {
			return this.conversationId;
		}

	}

	/** One socket. */
	public record Socket(String socketId) implements Target {

		@Override
		public String key() {
			return this.socketId;
		}

	}

	public static Audience conversation(String conversationId) {
		return new Audience(List.of(new Conversation(conversationId)), List.of());
	}

	/** Every socket that joined any of the conversations (each once). */
	public static Audience conversations(Collection<String> conversationIds) {
		return new Audience(conversationIds.stream().<Target>map(Conversation::new).toList(), List.of());
	}

	/**
	 * Every socket of the users among {@code userIds} (null ids, unassigned roles,
	 * skipped).
	 */
	public static Audience users(String... userIds) {
		Set<String> users = new LinkedHashSet<>();
		for (String userId : userIds) {
			if (userId != null) {
				users.add(userId);
			}
		}
		return users(users);
	}

	public static Audience users(Collection<String> userIds) {
		return new Audience(userIds.stream().<Target>map(User::new).toList(), List.of());
	}

	public static Audience staff(Role... roles) {
		List<Target> to = new ArrayList<>();
		for (Role role : roles) {
			to.add(new Staff(role));
		}
		return new Audience(to, List.of());
	}

	public static Audience staffOf(String conversationId) {
		return new Audience(List.of(new StaffOf(conversationId)), List.of());
	}

	/**
	 * The same audience without the sockets that joined the conversation: they hear of it
	 * there.
	 */
	public Audience exceptMembersOf(String conversationId) {
		return except(new Conversation(conversationId));
	}

	/** The same audience without the user's own sockets. */
	public Audience exceptUser(String userId) {
		return except(new User(userId));
	}

	/** The same audience without one socket. */
	public Audience exceptSocket(String socketId) {
		return except(new Socket(socketId));
	}

	public boolean isEmpty() {
		return this.to.isEmpty();
	}

	String firstKey() {
		return this.to.isEmpty() ? "" : this.to.getFirst().key();
	}

	private Audience except(Target target) {
		List<Target> except = new ArrayList<>(this.except);
		except.add(target);
		return new Audience(this.to, except);
	}

}
