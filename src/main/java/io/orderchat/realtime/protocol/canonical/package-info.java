/**
 * OrderChat's own protocol (docs/protocol.md): {@code noun:verb} commands acknowledged
 * with {@code {ok, data | error}}, events named after what happened, and the staff
 * commands of moderators, support agents and disputes. The vocabulary a socket hears
 * until it speaks another.
 */
package io.orderchat.realtime.protocol.canonical;
