package io.orderchat.realtime.pipeline;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import io.orderchat.realtime.events.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of a single node: deliveries wait in lanes, each drained by its own thread, and
 * a conversation always uses the same lane, so its events keep their order while
 * different conversations render in parallel. The lanes are bounded: a publisher waits
 * when one is full, which slows the senders down instead of losing events or memory.
 */
public final class InProcessEventBus implements EventBus, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

	private final Lane[] lanes;

	private final List<LocalDelivery> receivers = new CopyOnWriteArrayList<>();

	public InProcessEventBus(int lanes, int capacityPerLane) {
		this.lanes = new Lane[lanes];
		for (int i = 0; i < lanes; i++) {
			this.lanes[i] = new Lane(i, capacityPerLane);
		}
	}

	@Override
	public void publish(Delivery delivery) {
		Lane lane = this.lanes[Math.floorMod(delivery.orderingKey().hashCode(), this.lanes.length)];
		try {
			lane.queue.put(delivery);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.warn("Interrupted while publishing; {} not delivered", delivery.event().getClass().getSimpleName());
		}
	}

	@Override
	public void subscribe(LocalDelivery receiver) {
		this.receivers.add(receiver);
	}

	/** Deliveries waiting in all lanes (for metrics). */
	public int waiting() {
		int waiting = 0;
		for (Lane lane : this.lanes) {
			waiting += lane.queue.size();
		}
		return waiting;
	}

	@Override
	public void close() {
		for (Lane lane : this.lanes) {
			lane.thread.interrupt();
		}
	}

	private void deliver(Delivery delivery) {
		for (LocalDelivery receiver : this.receivers) {
			try {
				receiver.deliver(delivery);
			}
			catch (RuntimeException ex) {
				log.warn("Could not deliver {}", delivery.event().getClass().getSimpleName(), ex);
			}
		}
	}

	private final class Lane implements Runnable {

		private final BlockingQueue<Delivery> queue;

		private final Thread thread;

		Lane(int index, int capacity) {
			this.queue = new ArrayBlockingQueue<>(capacity);
			this.thread = Thread.ofPlatform().name("delivery-" + index).daemon(true).start(this);
		}

		@Override
		public void run() {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					deliver(this.queue.take());
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (Error ex) {
					// a lane that died would silence its conversations for good
					log.error("Delivery failed", ex);
				}
			}
		}

	}

}
