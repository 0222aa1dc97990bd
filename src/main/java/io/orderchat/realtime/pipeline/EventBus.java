package io.orderchat.realtime.pipeline;

import io.orderchat.realtime.events.Delivery;

/**
 * Carries deliveries from where something happened to every node's {@link LocalDelivery}.
 * The events of one conversation arrive in the order they were published. One node:
 * {@link InProcessEventBus}.
 */
public interface EventBus {

	/**
	 * Hands a delivery over; returns before anyone renders it. Waits while the bus is
	 * full rather than drop what a client must hear.
	 */
	void publish(Delivery delivery);

	/**
	 * Adds a receiving side of this node; every delivery published from then on reaches
	 * it.
	 */
	void subscribe(LocalDelivery receiver);

}
