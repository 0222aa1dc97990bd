/**
 * Puts the Pusher Channels server ({@link io.orderchat.pusher}) on the application's port
 * at {@code /app/{key}} and signs its private channels for the users OrderChat's access
 * rules allow ({@code POST /pusher/auth}).
 */
package io.orderchat.realtime.pusher;
