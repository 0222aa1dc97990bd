package io.orderchat.socketio;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one socket's tasks one at a time in submission order, on a virtual thread started
 * only while there is work: an idle socket holds no thread.
 */
final class SerialExecutor {

	private static final Logger logger = LoggerFactory.getLogger(SerialExecutor.class);

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean running = new AtomicBoolean();

	void execute(Runnable task) {
		this.tasks.add(task);
		if (this.running.compareAndSet(false, true)) {
			Thread.startVirtualThread(this::drain);
		}
	}

	private void drain() {
		do {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				try {
					task.run();
				}
				catch (Throwable ex) {
					logQuietly("Socket task failed", ex);
				}
			}
			this.running.set(false);
		}
		while (!this.tasks.isEmpty() && this.running.compareAndSet(false, true));
	}

	/**
	 * Logs a failure without failing: logging an OutOfMemoryError may itself run out of
	 * memory, and an exception escaping {@link #drain} would leave the socket's tasks
	 * unrun for good.
	 */
	static void logQuietly(String message, Throwable failure) {
		try {
			logger.error(message, failure);
		}
		catch (Throwable ignored) {
			// Nothing left to tell it with.
		}
	}

}
