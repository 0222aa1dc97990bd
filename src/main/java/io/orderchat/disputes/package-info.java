/**
 * Disputes: the customer or performer of an order opens one, which gets its own
 * conversation with both of them and a moderator; moderators move it through review to a
 * decision; it may cite messages of the order's conversation as evidence, and while it is
 * open the order's conversation is under legal hold.
 * {@link io.orderchat.disputes.DisputeManagement} is the entry point.
 */
package io.orderchat.disputes;
