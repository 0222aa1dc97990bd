/**
 * Seed 000, the exchange app's moderated order chat (DIALECTS.md §1): {@code chat:*},
 * {@code order:*} and {@code moderator:*} events, binary images, and the moderators'
 * accept, transfer and clean functions. Its REST side is OrderChat's own orders API.
 */
package io.orderchat.realtime.protocol.exchange;
