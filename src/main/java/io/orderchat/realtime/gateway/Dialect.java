package io.orderchat.realtime.gateway;

import io.orderchat.realtime.events.ChatEvent;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.Ack;
import io.orderchat.socketio.SocketIoSocket;

/**
 * One kind of client's wire vocabulary: the event names and payload shapes it sends and
 * expects. A dialect only translates; what a command does is decided by
 * {@link RealtimeConversations}. Every socket may speak several dialects at once, and is
 * subscribed to a conversation once per dialect it joined it with, so each client
 * receives the events in its own shapes.
 */
public interface Dialect {

	/** A short stable name, used in room names. */
	String name();

	/**
	 * Whether a socket that has not spoken yet hears its user-level events in this
	 * dialect (only the canonical one does).
	 */
	default boolean spokenByDefault() {
		return false;
	}

	/**
	 * Whether a message's notification reaches the recipient's sockets that joined its
	 * conversation too (seeds 002 and 004, DIALECTS.md §0.3: every socket of the
	 * receiver), not only those elsewhere.
	 */
	default boolean notifiesJoinedSockets() {
		return false;
	}

	/** Registers this dialect's commands, once at start-up. */
	void register(CommandRouter router);

	/** Renders a realtime event as zero or more wire events of this dialect. */
	void render(ChatEvent event, Emitter emitter);

	/**
	 * Answers a command that succeeded; by default the acknowledgement carries the data.
	 */
	void succeeded(Ack ack, Object data);

	/**
	 * Answers a command that failed: by acknowledgement when one was asked for, else an
	 * event.
	 */
	void failed(SocketIoSocket socket, String command, Ack ack, DomainException error);

	/** Where a rendered event goes. */
	@FunctionalInterface
	interface Emitter {

		void emit(String event, Object payload);

		default void emit(WireEvent event, Object payload) {
			emit(event.wireName(), payload);
		}

		/**
		 * Whether the event goes to users' own sockets rather than to a conversation's
		 * room: the people who must hear of something wherever they are (DIALECTS.md
		 * §0.3's user-directed events), so a vocabulary can render what only they get.
		 */
		default boolean userDirected() {
			return false;
		}

	}

}
