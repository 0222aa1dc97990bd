package io.orderchat.socketio.engine;

/**
 * Answers one HTTP long-polling request. The engine calls it exactly once per request,
 * possibly long after the request arrived and from any thread; implementations must not
 * block the caller for long.
 */
public interface PollResponder {

	void respond(int status, String contentType, String body);

	/** Answers with an Engine.IO error. */
	default void fail(EngineError error) {
		respond(error.status(), "application/json", error.body());
	}

}
