/**
 * What the realtime layer tells clients, before any client vocabulary names and shapes
 * it: node-neutral events ({@link io.orderchat.realtime.events.RealtimeEvent}), who they
 * are for ({@link io.orderchat.realtime.events.Audience}), and the pair the pipeline
 * carries from the node where something happened to every node with sockets that must
 * hear of it ({@link io.orderchat.realtime.events.Delivery}). Plain data: nothing here
 * knows sockets, rooms or JSON shapes.
 */
package io.orderchat.realtime.events;
