package io.orderchat.orders;

/**
 * The outcome of registering an external order: the order, and whether this call created
 * it.
 */
public record Registration(Order order, boolean created) {
}
