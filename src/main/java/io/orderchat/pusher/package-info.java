/**
 * A Pusher Channels server (WebSocket protocol 7) for the clients that speak Pusher, such
 * as seed 000's {@code pusher-js}: connections, public and signed private channels,
 * heartbeats and limits, and {@link io.orderchat.pusher.PusherServer#trigger} for the
 * rest of the server. Like the Socket.IO engine it knows no Spring and no domain; the
 * {@code servlet} package puts it on a Jetty port.
 */
package io.orderchat.pusher;
