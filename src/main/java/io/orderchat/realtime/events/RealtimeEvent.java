package io.orderchat.realtime.events;

/**
 * Something clients hear of: a conversation's chat ({@link ChatEvent}) or the staff
 * workflows ({@link StaffEvent}). Each client vocabulary renders it in its own names and
 * shapes, on the node where the receiving sockets are.
 */
public sealed interface RealtimeEvent permits ChatEvent, StaffEvent {

}
