package io.orderchat.realtime.pipeline;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.orderchat.realtime.events.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of a single node: deliveries wait in lanes, each drained by its own thread, and
 * a conversation always uses the same lane, so its events keep their order while
 * different conversations render in parallel. The lanes are bounded: a publisher waits
 * when one is full, which slows the senders down instead of losing events or memory.
 * <p>
 * A cluster's bus runs its own step on the lane too
 * ({@link #publish(Delivery, Consumer)}), and hands what other nodes published over
 * without waiting ({@link #offer}).
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
		put(new Queued(delivery, null));
	}

	/**
	 * Publishes, and runs {@code first} with the delivery on its lane just before this
	 * node renders it: in the conversation's order, off the publisher's thread.
	 */
	public void publish(Delivery delivery, Consumer<Delivery> first) {
		put(new Queued(delivery, first));
	}

	/**
	 * Hands a delivery over without waiting, for a caller that must never block; answers
	 * false, having queued nothing, when its lane is full.
	 */
	public boolean offer(Delivery delivery) {
		return lane(delivery).queue.offer(new Queued(delivery, null));
	}

	private void put(Queued queued) {
		try {
			lane(queued.delivery).queue.put(queued);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.warn("Interrupted while publishing; {} not delivered",
					queued.delivery.event().getClass().getSimpleName());
		}
	}

	private Lane lane(Delivery delivery) {
		return this.lanes[Math.floorMod(delivery.orderingKey().hashCode(), this.lanes.length)];
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

	private void deliver(Queued queued) {
		if (queued.first != null) {
			try {
				queued.first.accept(queued.delivery);
			}
			catch (RuntimeException ex) {
				log.warn("Could not hand on {}", queued.delivery.event().getClass().getSimpleName(), ex);
			}
		}
		deliver(queued.delivery);
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

	/**
	 * A delivery waiting in a lane, and the step to run before it is rendered, if any.
	 */
	private record Queued(Delivery delivery, Consumer<Delivery> first) {
	}

	private final class Lane implements Runnable {

		private final BlockingQueue<Queued> queue;

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
