package io.orderchat.realtime.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.orderchat.socketio.SocketIoSocket;

/**
 * A socket's commands that are still being committed after their command returned (a send
 * waits for its group commit, not the socket). A socket runs its commands one at a time;
 * holding the socket until each commit would make one sender's messages take one commit
 * each (a few ms apiece: a ceiling of a few hundred messages per second for a busy
 * sender, however idle the server). So a pipelined command may start while earlier ones
 * are still committing — they are queued in order and stored in order — while any other
 * command still waits for them: a command sees the effects of every earlier one, as
 * before. At most {@link #MAX_IN_FLIGHT} are outstanding per socket.
 * <p>
 * Used only from the socket's own executor, one command at a time: no locking.
 */
final class PipelinedSends {

	/** Enough to fill a group commit several times over at any realistic commit time. */
	static final int MAX_IN_FLIGHT = 64;

	private static final String ATTRIBUTE = PipelinedSends.class.getName();

	private final Deque<CompletableFuture<?>> inFlight = new ArrayDeque<>();

	private PipelinedSends() {
	}

	static PipelinedSends of(SocketIoSocket socket) {
		PipelinedSends sends = socket.attribute(ATTRIBUTE);
		if (sends == null) {
			sends = new PipelinedSends();
			socket.attribute(ATTRIBUTE, sends);
		}
		return sends;
	}

	/**
	 * Waits before a command runs: for every outstanding command unless this one is
	 * {@code pipelined}, else only until fewer than {@link #MAX_IN_FLIGHT} are
	 * outstanding.
	 */
	void awaitTurn(boolean pipelined) {
		dropCompleted();
		while (!this.inFlight.isEmpty() && (!pipelined || this.inFlight.size() >= MAX_IN_FLIGHT)) {
			awaitQuietly(this.inFlight.poll());
		}
	}

	/** A pipelined command that returned before its outcome. */
	void started(CompletionStage<?> outcome) {
		this.inFlight.add(outcome.toCompletableFuture());
	}

	private void dropCompleted() {
		while (!this.inFlight.isEmpty() && this.inFlight.peek().isDone()) {
			this.inFlight.poll();
		}
	}

	private static void awaitQuietly(CompletableFuture<?> outcome) {
		try {
			outcome.join();
		}
		catch (CompletionException | CancellationException ex) {
			// its own answer told the client; the next command only needed it finished
		}
	}

}
