package io.orderchat.socketio;

/**
 * Creates the {@link Adapter} of each namespace.
 */
@FunctionalInterface
public interface AdapterFactory {

	/**
	 * @param namespace the namespace name
	 * @param delivery writes a packet to a socket of this node; the adapter calls it for
	 * each local target
	 */
	Adapter create(String namespace, LocalDelivery delivery);

}
