/**
 * Seed 003, the restaurant support app (DIALECTS.md §4): sessions that customers open and
 * agents pick up, {@code join_session}, {@code send_message}, {@code typing} with a
 * {@code session_id}; its catalogue is
 * {@link io.orderchat.realtime.protocol.helpdesk.HelpdeskEvents}. Its REST side,
 * {@code /api/v1/chat}, is the support module's own API.
 */
package io.orderchat.realtime.protocol.helpdesk;
