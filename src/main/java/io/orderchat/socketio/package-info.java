/**
 * OrderChat's Socket.IO v4 server (Engine.IO v4, Socket.IO protocol v5): namespaces,
 * sockets, rooms and broadcasts on top of {@link io.orderchat.socketio.engine} (sessions
 * and transports) and {@link io.orderchat.socketio.parser} (packet encoding), with no web
 * server, Spring or domain types; {@link io.orderchat.socketio.servlet} binds it to a
 * servlet container.
 *
 * <p>
 * Threading contract: middleware, connection listeners, event handlers and disconnect
 * listeners of one socket run one at a time, in arrival order, on virtual threads, and
 * may block. Emitting never blocks: packets go to the target's bounded outbound queue.
 */
package io.orderchat.socketio;
