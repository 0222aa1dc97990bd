/**
 * Support sessions (seed 003): a customer opens one with a subject and a first message;
 * it waits in the agents' queue (by priority, then age) until one agent accepts it (or a
 * support lead assigns it), then moves active → resolved → closed; a closed session's
 * conversation refuses new messages. {@link io.orderchat.support.SupportDesk} is the
 * entry point.
 */
package io.orderchat.support;
