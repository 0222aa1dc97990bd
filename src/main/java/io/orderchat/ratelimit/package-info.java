/**
 * Rate limits and caps on what one user, connection or address may spend: a
 * {@link io.orderchat.ratelimit.RateLimiter} (token buckets, in memory by default) behind
 * {@link io.orderchat.ratelimit.RateLimits}, the one entry other modules call; refusals
 * are {@code RATE_LIMITED} and counted.
 */
package io.orderchat.ratelimit;
