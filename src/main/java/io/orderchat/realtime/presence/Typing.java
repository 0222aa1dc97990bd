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

	/**
	 * Like {@link #start(String, String, String)}, for a caller that must not wait for a
	 * store shared with other nodes (a socket's serial task: its next command would wait
	 * too): {@code started} runs, at once or later, when the user was not typing here
	 * until now. Calls from one thread are answered in their order.
	 */
	default void start(String conversationId, String userId, String name, Runnable started) {
		if (start(conversationId, userId, name)) {
			started.run();
		}
	}

	/**
	 * Like {@link #stop(String, String)} without waiting, as
	 * {@link #start(String, String, String, Runnable)}: {@code stopped} runs when the
	 * user was typing until now.
	 */
	default void stop(String conversationId, String userId, Runnable stopped) {
		if (stop(conversationId, userId)) {
			stopped.run();
		}
	}

	/** Called once for each typist whose state expired without a stop. */
	void onExpired(Consumer<Typist> listener);

	/** A user typing in a conversation. */
	record Typist(String conversationId, String userId, String name) {
	}

}
