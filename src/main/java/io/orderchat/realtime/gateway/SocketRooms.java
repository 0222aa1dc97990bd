package io.orderchat.realtime.gateway;

import java.util.function.Function;
import java.util.function.Supplier;

import io.orderchat.conversations.ConversationId;
import io.orderchat.shared.DomainException;
import io.orderchat.socketio.SocketIoSocket;

import org.springframework.transaction.support.TransactionOperations;

/**
 * A socket's conversation rooms as a vocabulary may use them beyond joining: whether it
 * joined one, and joining the one a staff action makes its caller a participant of (seed
 * 000's {@code moderator:accept} and {@code moderator:acceptTransfer} put the moderator's
 * socket into the order's room).
 */
public final class SocketRooms {

	private final RoomMembership rooms;

	private final TransactionOperations transactions;

	SocketRooms(RoomMembership rooms, TransactionOperations transactions) {
		this.rooms = rooms;
		this.transactions = transactions;
	}

	/**
	 * Whether the socket joined the conversation through {@code dialect} (a join in
	 * another vocabulary does not count: each admits whom its app admits).
	 */
	public boolean joined(SocketIoSocket socket, ConversationId id, Dialect dialect) {
		return this.rooms.subscribed(socket, id, dialect);
	}

	/**
	 * Refuses ({@code FORBIDDEN}) a socket that has not joined the conversation through
	 * {@code dialect}.
	 */
	public void requireJoined(SocketIoSocket socket, ConversationId id, Dialect dialect, String what) {
		if (!joined(socket, id, dialect)) {
			throw DomainException.forbidden("Join the chat before you " + what);
		}
	}

	/**
	 * Runs {@code action} and subscribes the socket to the conversation it names, before
	 * the action commits: the events it publishes go out after commit and must find the
	 * socket in the room already. A refused action joins nothing; one whose commit fails
	 * leaves the conversation when it was not in it before.
	 */
	public <T> T joinOnCommit(SocketIoSocket socket, Dialect dialect, Supplier<T> action,
			Function<T, ConversationId> conversationOf) {
		ConversationId[] joined = new ConversationId[1];
		try {
			return this.transactions.execute((status) -> {
				T result = action.get();
				ConversationId id = conversationOf.apply(result);
				if (!this.rooms.subscribed(socket, id)) {
					joined[0] = id;
				}
				this.rooms.subscribe(socket, id, dialect);
				return result;
			});
		}
		catch (RuntimeException ex) {
			if (joined[0] != null) {
				this.rooms.unsubscribe(socket, joined[0]);
			}
			throw ex;
		}
	}

}
