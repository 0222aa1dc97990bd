package io.orderchat.socketio.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link PollResponder} whose answer a test can wait for. */
final class RecordingResponder implements PollResponder {

	record Response(int status, String contentType, String body) {
	}

	private final CompletableFuture<Response> response = new CompletableFuture<>();

	@Override
	public void respond(int status, String contentType, String body) {
		if (!this.response.complete(new Response(status, contentType, body))) {
			throw new IllegalStateException("answered twice");
		}
	}

	Response await() throws Exception {
		return this.response.get(2, TimeUnit.SECONDS);
	}

	boolean isAnswered() {
		return this.response.isDone();
	}

}
