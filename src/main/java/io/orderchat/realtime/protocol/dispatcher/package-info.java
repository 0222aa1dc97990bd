/**
 * Seed 002, the dispatcher app's order chat (DIALECTS.md §3): bare order ids on the
 * socket ({@code join-order-room}), {@code new-message}, {@code order-updated} and
 * {@code notification}, and the REST chat under {@code /api/chat}.
 */
package io.orderchat.realtime.protocol.dispatcher;
