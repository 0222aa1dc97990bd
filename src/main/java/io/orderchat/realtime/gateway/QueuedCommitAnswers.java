package io.orderchat.realtime.gateway;

import io.orderchat.conversations.CommitAnswers;
import io.orderchat.socketio.SocketIoServer;

import org.springframework.stereotype.Component;

/**
 * A committed batch's answers — the pipelined sends' acknowledgements, a seed's
 * confirmation events — are queued for the engine's writer threads instead of written to
 * their sockets by the commit writer: writing them there (the loopback TCP send included)
 * was ~18 % of the writer's time at 4,000 messages/s, time the next batch waited for
 * (docs/benchmarks.md "1:1 chat at 4,000 msg/s as the server warms"). A batch's answers
 * to one socket then also go out in one write.
 */
@Component
class QueuedCommitAnswers implements CommitAnswers {

	private final SocketIoServer server;

	QueuedCommitAnswers(SocketIoServer server) {
		this.server = server;
	}

	@Override
	public void answer(Runnable answers) {
		this.server.queueWrites(answers);
	}

}
