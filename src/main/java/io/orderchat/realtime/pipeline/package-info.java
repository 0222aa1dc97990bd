/**
 * The one event pipeline: committed domain events become node-neutral
 * {@link io.orderchat.realtime.events.Delivery deliveries} (the relays), published once
 * on the {@link io.orderchat.realtime.pipeline.EventBus}, which hands each to every
 * {@link io.orderchat.realtime.pipeline.LocalDelivery} of a node: there, and only there,
 * a client vocabulary renders it for the sockets that speak it. Publishing is cheap for
 * the thread that commits; rendering happens on the bus's delivery lanes.
 */
package io.orderchat.realtime.pipeline;
