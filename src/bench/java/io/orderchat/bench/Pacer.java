package io.orderchat.bench;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/** Sends at a fixed rate from one thread: message {@code k} is due at {@code k / rate} seconds. */
final class Pacer {

	private Pacer() {
	}

	/** Calls {@code send} with 0, 1, 2, ... on schedule for the duration; answers how many it sent. */
	static long run(double perSecond, long durationNanos, LongConsumer send) {
		long started = System.nanoTime();
		long sent = 0;
		while (true) {
			long elapsed = System.nanoTime() - started;
			if (elapsed >= durationNanos) {
				return sent;
			}
			long due = (long) (elapsed * perSecond / 1e9) + 1;
			while (sent < due) {
				send.accept(sent++);
			}
			LockSupport.parkNanos(200_000);
		}
	}

}
