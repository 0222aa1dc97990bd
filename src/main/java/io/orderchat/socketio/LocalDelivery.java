package io.orderchat.socketio;

/**
 * Hands an encoded packet to the sockets of this node among {@code socketIds} that are
 * still connected. Never blocks: the packet is queued on each socket's connection, and
 * the engine's writer threads write them.
 */
@FunctionalInterface
public interface LocalDelivery {

	void deliver(Iterable<String> socketIds, EncodedPacket packet);

}
