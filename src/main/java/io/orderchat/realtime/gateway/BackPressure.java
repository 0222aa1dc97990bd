package io.orderchat.realtime.gateway;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

/**
 * Commands whose answers can be large (history, resume, joins that bring messages, queues
 * and lists) are not run while the client is behind on reading
 * ({@link io.orderchat.socketio.SocketIoSocket#congested()}): they are answered
 * {@code SLOW_DOWN} instead, so a client that asks and never reads cannot make the server
 * hold answer after answer for it. Small commands (send, typing, read) still run.
 */
public final class BackPressure {

	private BackPressure() {
	}

	/** {@code command}, refused with {@code SLOW_DOWN} while the socket is congested. */
	public static CommandRouter.Command bulky(CommandRouter.Command command) {
		return (socket, caller, args) -> {
			if (socket.congested()) {
				throw new DomainException(ErrorCode.SLOW_DOWN,
						"You have not read the previous answers yet; retry once they arrived");
			}
			return command.run(socket, caller, args);
		};
	}

}
