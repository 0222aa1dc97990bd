/**
 * Seed 001, Busy2Shop's order chat (DIALECTS.md §2): {@code join-order-chat},
 * {@code send-message}, {@code typing} with an {@code orderId}, and the REST reads under
 * {@code /api/v0/chat}.
 */
package io.orderchat.realtime.protocol.busy2shop;
