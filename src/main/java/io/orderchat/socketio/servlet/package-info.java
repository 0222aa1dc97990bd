/**
 * Binds an Engine.IO / Socket.IO server to a Jakarta Servlet container running on Jetty
 * 12: one servlet serves long polling, upgrades to WebSocket with Jetty's WebSocket API
 * and serves the socket.io-client bundle.
 */
package io.orderchat.socketio.servlet;
