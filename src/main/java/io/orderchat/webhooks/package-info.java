/**
 * Webhooks for the host app: its endpoints, an outbox of signed deliveries written in the
 * transaction of the domain event they announce, and the worker that sends them with
 * back-off; {@link io.orderchat.webhooks.Webhooks} is the entry point.
 */
package io.orderchat.webhooks;
