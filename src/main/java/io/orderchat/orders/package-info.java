/**
 * Orders and their status machine (pending → processing → completed, or cancelled /
 * rejected), each with its conversation from birth;
 * {@link io.orderchat.orders.OrderManagement} is the entry point.
 */
package io.orderchat.orders;
