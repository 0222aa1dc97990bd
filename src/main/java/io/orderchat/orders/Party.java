package io.orderchat.orders;

/** A person an order names, as the host app identifies them. */
public record Party(String id, String name) {
}
