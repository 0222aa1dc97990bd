package io.orderchat.conversations;

import java.util.List;

/**
 * Messages in ascending seq order. {@code hasMore}: further messages exist in the
 * direction that was asked (older ones for a {@code before} or latest page, newer ones
 * for an {@code after} page).
 */
public record HistoryPage(List<Message> messages, boolean hasMore) {
}
