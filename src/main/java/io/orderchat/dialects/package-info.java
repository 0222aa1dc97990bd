/**
 * The seed apps' REST dialects: thin controllers that translate their paths and field
 * names (seed 001 Busy2Shop {@code /api/v0/chat}, seed 002 dispatcher {@code /api/chat})
 * onto {@link io.orderchat.orders.OrderManagement} and
 * {@link io.orderchat.conversations.ConversationService}.
 */
package io.orderchat.dialects;
