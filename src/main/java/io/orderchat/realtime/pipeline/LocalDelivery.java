package io.orderchat.realtime.pipeline;

import io.orderchat.realtime.events.Delivery;

/**
 * The receiving side of the bus on one node: resolves a delivery's audience against this
 * node's own connections and renders it for the vocabularies they speak.
 */
@FunctionalInterface
public interface LocalDelivery {

	void deliver(Delivery delivery);

}
