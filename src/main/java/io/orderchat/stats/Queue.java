package io.orderchat.stats;

/** What waits now, and how long the oldest has waited ({@code null} when none). */
public record Queue(long size, Long oldestAgeSeconds) {
}
