/**
 * Seed 004, the marketplace's order and dispute chats (DIALECTS.md §5):
 * {@code join_order_chat}, {@code order_message}, {@code join_dispute_chat},
 * {@code dispute_message}, their typing, reads and status updates; its catalogue is
 * {@link io.orderchat.realtime.protocol.marketplace.MarketplaceEvents}. Socket.IO only.
 */
package io.orderchat.realtime.protocol.marketplace;
