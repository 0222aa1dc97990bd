/**
 * The machinery every Socket.IO vocabulary shares: the handshake (token, sockets per
 * user), the one table of commands ({@link io.orderchat.realtime.gateway.CommandRouter}),
 * the socket's session and rooms, what a command may do with conversations whatever its
 * vocabulary ({@link io.orderchat.realtime.gateway.RealtimeConversations}), session
 * expiry, back-pressure, metrics, the shutdown drain, and this node's receiving side of
 * the event pipeline ({@link io.orderchat.realtime.gateway.SocketIoDelivery}). It knows
 * no vocabulary: those live in {@code io.orderchat.realtime.protocol}.
 */
package io.orderchat.realtime.gateway;
