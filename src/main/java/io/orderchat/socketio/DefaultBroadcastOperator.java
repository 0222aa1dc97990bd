package io.orderchat.socketio;

import java.time.Instant;

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

	/** Epoch microseconds the packets are timed from; 0 if untimed. */
	private final long originMicros;

	DefaultBroadcastOperator(DefaultNamespace namespace, Set<String> rooms, Set<String> except) {
		this(namespace, rooms, except, 0);
	}

	private DefaultBroadcastOperator(DefaultNamespace namespace, Set<String> rooms, Set<String> except,
			long originMicros) {
		this.namespace = namespace;
		this.rooms = rooms;
		this.except = except;
		this.originMicros = originMicros;
	}

	@Override
	public BroadcastOperator to(String... rooms) {
		return new DefaultBroadcastOperator(this.namespace, union(this.rooms, rooms), this.except, this.originMicros);
	}

	@Override
	public BroadcastOperator except(String... rooms) {
		return new DefaultBroadcastOperator(this.namespace, this.rooms, union(this.except, rooms), this.originMicros);
	}

	@Override
	public BroadcastOperator timedFrom(Instant origin) {
		long micros = Math.max(1, origin.getEpochSecond() * 1_000_000 + origin.getNano() / 1_000);
		return new DefaultBroadcastOperator(this.namespace, this.rooms, this.except, micros);
	}

	@Override
	public void emit(String event, Object... args) {
		PacketWriter.checkEventName(event);
		long origin = this.originMicros;
		EncodedPacket packet = EncodedPacket
			.lazily(() -> this.namespace.writer().event(this.namespace.name(), null, event, args).timedFrom(origin));
		this.namespace.adapter().broadcast(packet, new BroadcastOptions(this.rooms, this.except));
	}

	private static Set<String> union(Set<String> set, String[] more) {
		Set<String> result = new HashSet<>(set);
		result.addAll(Arrays.asList(more));
		return Set.copyOf(result);
	}

}
