/**
 * Moderators on orders (seed 000): the queue of pending orders, accepting one, handing a
 * chat to another moderator (initiate, then the target accepts or declines), cleaning a
 * chat's history unless a dispute holds it, and staff-only internal notes. Every action
 * is audited. {@link io.orderchat.moderation.Moderation} is the entry point.
 */
package io.orderchat.moderation;
