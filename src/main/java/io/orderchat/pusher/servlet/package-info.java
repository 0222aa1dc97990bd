/**
 * Binds a {@link io.orderchat.pusher.PusherServer} to a Jakarta Servlet container running
 * on Jetty 12: one servlet at {@code /app/*} upgrades to WebSocket with Jetty's WebSocket
 * core.
 */
package io.orderchat.pusher.servlet;
