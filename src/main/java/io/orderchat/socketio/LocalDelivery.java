package io.orderchat.socketio;

/**
 * Writes an encoded packet to one socket of this node, if it is still connected. Never
 * blocks: the packet is queued on the socket's connection.
 */
@FunctionalInterface
public interface LocalDelivery {

	void deliver(String socketId, EncodedPacket packet);

}
