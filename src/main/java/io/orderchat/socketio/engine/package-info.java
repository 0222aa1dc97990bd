/**
 * The Engine.IO v4 server. {@link io.orderchat.socketio.engine.EngineServer} checks
 * requests and opens sessions; {@link io.orderchat.socketio.engine.EngineSocket} is one
 * session and keeps the protocol (state, heartbeat, upgrade, outbox and limits, close);
 * its {@code Transport} — {@code PollingTransport} or {@code WebSocketTransport} — moves
 * the packets, and {@code UpgradeHandshake} reads a probing WebSocket's frames. The web
 * server is reached only through {@code PollResponder}, {@code WebSocketChannel} and
 * {@code WebSocketHandler}, which a binding implements (see
 * {@code io.orderchat.socketio.servlet}).
 */
package io.orderchat.socketio.engine;
