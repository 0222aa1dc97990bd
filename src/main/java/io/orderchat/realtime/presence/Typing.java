package io.orderchat.realtime.presence;

import java.util.function.Consumer;

/**
 * Who is typing where. Typing is an event, never stored. A start refreshes the user's
 * expiry; only a change of state is reported to the caller, so a client that sends
 * "typing" on every keystroke causes one broadcast, not one per key. A typist who goes
 * quiet is stopped after the expiry and reported to the {@link #onExpired} listener.
 */
public interface Typing {

	/**
	 * {@code true} when the user was not typing in this conversation until now. The name
	 * is kept for the expiry report.
	 */
	boolean start(String conversationId, String userId, String name);

	/** {@code true} when the user was typing in this conversation until now. */
	boolean stop(String conversationId, String userId);

	/** Called once for each typist whose state expired without a stop. */
	void onExpired(Consumer<Typist> listener);

	/** A user typing in a conversation. */
	record Typist(String conversationId, String userId, String name) {
	}

}
