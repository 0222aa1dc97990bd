/**
 * Chat statistics for staff: conversations and messages per day, first-response and
 * resolution times, open queues, per agent and moderator, computed in SQL over a bounded
 * time range; {@link io.orderchat.stats.Statistics} is the entry point.
 */
package io.orderchat.stats;
