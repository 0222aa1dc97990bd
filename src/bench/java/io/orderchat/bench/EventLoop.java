package io.orderchat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One selector thread driving many client connections. The generator runs one loop per core,
 * so thousands of connections cost a few threads and one shared read buffer per loop, not a
 * thread or a buffer each: what is measured is the server, not the client.
 */
final class EventLoop implements AutoCloseable {

	private final Selector selector;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	// Heap buffer: frames are parsed straight from its array without copying into Strings.
	private final ByteBuffer readBuffer = ByteBuffer.allocate(256 * 1024);

	private final Thread thread;

	// Tasks handed over from other threads, each with a wake-up: a storm should not need one per connection.
	private final AtomicLong handedOver = new AtomicLong();

	private volatile boolean running = true;

	EventLoop(String name) {
		try {
			this.selector = Selector.open();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
	}

	Selector selector() {
		return this.selector;
	}

	/** Runs a task on the loop thread (registration must happen there). */
	void execute(Runnable task) {
		this.handedOver.incrementAndGet();
		this.tasks.add(task);
		this.selector.wakeup();
	}

	/** How many tasks other threads have handed to this loop. */
	long handedOver() {
		return this.handedOver.get();
	}

	/** Whether the caller is this loop's thread, which may register channels without a wake-up. */
	boolean inLoop() {
		return Thread.currentThread() == this.thread;
	}

	void wakeup() {
		this.selector.wakeup();
	}

	private void run() {
		while (this.running) {
			try {
				this.selector.select(100);
				Runnable task;
				while ((task = this.tasks.poll()) != null) {
					task.run();
				}
				var selected = this.selector.selectedKeys();
				for (SelectionKey key : selected) {
					WsConnection connection = (WsConnection) key.attachment();
					connection.onReady(key, this.readBuffer);
				}
				selected.clear();
			}
			catch (IOException | RuntimeException ex) {
				if (this.running) {
					System.err.println("event loop: " + ex);
				}
			}
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.selector.wakeup();
		try {
			this.thread.join(2000);
			for (SelectionKey key : this.selector.keys()) {
				key.channel().close();
			}
			this.selector.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
