package io.orderchat.socketio;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * An immutable {@link BroadcastOperator} over one namespace's adapter.
 */
final class DefaultBroadcastOperator implements BroadcastOperator {

	private final DefaultNamespace namespace;

	private final Set<String> rooms;

	private final Set<String> except;

	DefaultBroadcastOperator(DefaultNamespace namespace, Set<String> rooms, Set<String> except) {
		this.namespace = namespace;
		this.rooms = rooms;
		this.except = except;
	}

	@Override
	public BroadcastOperator to(String... rooms) {
		return new DefaultBroadcastOperator(this.namespace, union(this.rooms, rooms), this.except);
	}

	@Override
	public BroadcastOperator except(String... rooms) {
		return new DefaultBroadcastOperator(this.namespace, this.rooms, union(this.except, rooms));
	}

	@Override
	public void emit(String event, Object... args) {
		PacketWriter.checkEventName(event);
		EncodedPacket packet = EncodedPacket
			.lazily(() -> this.namespace.writer().event(this.namespace.name(), null, event, args));
		this.namespace.adapter().broadcast(packet, new BroadcastOptions(this.rooms, this.except));
	}

	private static Set<String> union(Set<String> set, String[] more) {
		Set<String> result = new HashSet<>(set);
		result.addAll(Arrays.asList(more));
		return Set.copyOf(result);
	}

}
