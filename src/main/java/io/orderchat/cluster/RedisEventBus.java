package io.orderchat.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.realtime.events.Audience;
import io.orderchat.realtime.events.Delivery;
import io.orderchat.realtime.pipeline.EventBus;
import io.orderchat.realtime.pipeline.InProcessEventBus;
import io.orderchat.realtime.pipeline.LocalDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's event bus: a delivery is handed to this node's own lanes at once (the
 * in-process bus: local clients never wait for Redis), and its lane, just before
 * rendering it here, encodes it and publishes it once to Redis with {@code SPUBLISH} on
 * one of a fixed set of sharded channels, chosen by its ordering key: a conversation's
 * events keep their order, and the publisher (the commit writer) never encodes nor waits
 * for Redis. Every node {@code SSUBSCRIBE}s to all the channels and hands what other
 * nodes published to its own lanes; its own publications come back too and are dropped,
 * so nothing is delivered twice. Sharded pub/sub also runs on Redis Cluster, where each
 * channel lives on one shard: a node subscribes each channel at the shard that owns its
 * slot, again where the slot went when Redis ends a subscription because it moved, and
 * all anew when the cluster's topology changes (a failover).
 * <p>
 * The subscriber runs on the Redis client's event loop, which also carries every other
 * node's publications and this node's commands: it never waits for a full lane. What does
 * not fit is dropped, counted ({@code outcome=overflow}) and logged; those clients catch
 * up by {@code seq}, as after a Redis outage.
 * <p>
 * Redis down: publishing fails at once (the client rejects commands while disconnected),
 * local delivery goes on, other nodes' clients miss those live events and catch up by
 * {@code seq} when they resume; Lettuce reconnects and subscribes again by itself.
 */
final class RedisEventBus implements EventBus, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

	/**
	 * At most one overflow warning per interval: an overloaded node must not drown in its
	 * log.
	 */
	private static final long OVERFLOW_LOG_INTERVAL_NANOS = 10_000_000_000L;

	/** Sharded channels: enough to spread over a Redis Cluster's shards. */
	static final int CHANNELS = 16;

	private final RedisConnections redis;

	private final InProcessEventBus local;

	private final String instance;

	/** How this node's own publications start: Redis hands them back to it. */
	private final String ownPrefix;

	private final String[] channels;

	private final DeliveryCodec codec = new DeliveryCodec();

	private final RedisPubSubAdapter<String, String> listener = new RedisPubSubAdapter<>() {
		@Override
		public void smessage(String channel, String message) {
			receive(message);
		}

		@Override
		public void sunsubscribed(String channel, long count) {
			if (!RedisEventBus.this.closed) {
				subscribeAgain(channel);
			}
		}
	};

	private volatile StatefulRedisPubSubConnection<String, String> subscription;

	private final AutoCloseable topologyWatch;

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile boolean closed;

	/**
	 * Whether subscribing anew failed since it last worked: logged once, not every
	 * second.
	 */
	private boolean resubscribeFailing;

	private final Counter published;

	private final Counter received;

	private final Counter failed;

	private final Counter overflow;

	private final AtomicLong overflowLoggedAt = new AtomicLong(System.nanoTime() - OVERFLOW_LOG_INTERVAL_NANOS);

	RedisEventBus(RedisConnections redis, Keys keys, NodeInstance node, InProcessEventBus local,
			MeterRegistry registry) {
		this.redis = redis;
		this.local = local;
		this.instance = node.instance();
		this.ownPrefix = this.codec.prefixOf(this.instance);
		this.channels = new String[CHANNELS];
		for (int i = 0; i < CHANNELS; i++) {
			this.channels[i] = keys.busChannel(i);
		}
		this.published = counter(registry, "published");
		this.received = counter(registry, "received");
		this.failed = counter(registry, "failed");
		this.overflow = counter(registry, "overflow");
		this.subscription = redis.connectPubSub();
		this.subscription.addListener(this.listener);
		for (String channel : this.channels) {
			// one channel a command: a Redis Cluster refuses channels of several slots
			// in one SSUBSCRIBE, and Lettuce sends each to the node owning its slot
			RedisConnections.untilAnswered(() -> this.subscription.sync().ssubscribe(channel),
					RedisConnections.COMMAND_TIMEOUT.multipliedBy(5));
		}
		this.topologyWatch = redis.onTopologyChange(this::subscribeAnew);
	}

	/**
	 * A Redis Cluster's topology changed (a failover, a node added or gone): subscribes
	 * every channel on a new connection, each at its slot's owner now, then closes the
	 * old one, so that no subscription stays with a master that died (Lettuce would only
	 * reconnect to it). Deliveries in between may come twice or not at all; clients catch
	 * up by {@code seq}.
	 */
	private synchronized void subscribeAnew() {
		if (this.closed) {
			return;
		}
		StatefulRedisPubSubConnection<String, String> fresh = null;
		try {
			fresh = this.redis.connectPubSub();
			fresh.addListener(this.listener);
			List<RedisFuture<Void>> subscribed = new ArrayList<>();
			for (String channel : this.channels) {
				subscribed.add(fresh.async().ssubscribe(channel));
			}
			for (RedisFuture<Void> each : subscribed) {
				each.get(RedisConnections.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (Exception ex) {
			if (fresh != null) {
				fresh.close();
			}
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
				return;
			}
			if (!this.resubscribeFailing) {
				log.warn("Could not subscribe to the bus after the Redis Cluster changed ({}); retrying every second",
						ex.getMessage());
			}
			this.resubscribeFailing = true;
			CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(this::subscribeAnew);
			return;
		}
		StatefulRedisPubSubConnection<String, String> old = this.subscription;
		this.subscription = fresh;
		old.close();
		this.resubscribeFailing = false;
		log.info("The Redis Cluster changed: subscribed to the bus's channels where their slots are now");
	}

	/**
	 * Redis unsubscribes a sharded channel whose slot moved to another node (resharding,
	 * a failover): subscribe again, now at the slot's new owner, until it works.
	 */
	private void subscribeAgain(String channel) {
		log.info("Redis ended this node's subscription to {} (its slot moved); subscribing again", channel);
		try {
			this.subscription.async().ssubscribe(channel).exceptionally((failure) -> {
				retrySubscribing(channel, failure);
				return null;
			});
		}
		catch (RuntimeException ex) {
			retrySubscribing(channel, ex);
		}
	}

	private void retrySubscribing(String channel, Throwable failure) {
		log.warn("Could not subscribe to {} again ({}); retrying in a second", channel, failure.getMessage());
		CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> {
			if (!this.closed) {
				subscribeAgain(channel);
			}
		});
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("orderchat.cluster.bus.messages")
			.description("Deliveries this node published to or received from the other nodes through Redis")
			.tag("outcome", outcome)
			.register(registry);
	}

	@Override
	public void publish(Delivery delivery) {
		if (onlyThisNode(delivery.audience())) {
			this.local.publish(delivery);
		}
		else {
			this.local.publish(delivery, this::toOtherNodes);
		}
	}

	/**
	 * On the delivery's lane: encodes it and sends it without waiting for Redis's answer.
	 */
	private void toOtherNodes(Delivery delivery) {
		String text;
		try {
			text = this.codec.write(this.instance, delivery);
		}
		catch (RuntimeException ex) {
			this.failed.increment();
			log.error("Could not encode {} for the other nodes", delivery.event().getClass().getSimpleName(), ex);
			return;
		}
		String channel = channel(delivery.orderingKey());
		try {
			this.redis.async().spublish(channel, text).whenComplete((receivers, failure) -> {
				if (failure != null) {
					publishFailed(failure);
				}
				else {
					this.published.increment();
					if (this.failing.compareAndSet(true, false)) {
						log.info("Publishing to the other nodes works again");
					}
				}
			});
		}
		catch (RuntimeException ex) {
			publishFailed(ex);
		}
	}

	/** The channel of the deliveries with this ordering key (a conversation's). */
	String channel(String orderingKey) {
		return this.channels[Math.floorMod(orderingKey.hashCode(), CHANNELS)];
	}

	@Override
	public void subscribe(LocalDelivery receiver) {
		this.local.subscribe(receiver);
	}

	private void receive(String message) {
		if (message.startsWith(this.ownPrefix)) {
			// delivered here already, when it was published
			return;
		}
		DeliveryCodec.Envelope envelope;
		try {
			envelope = this.codec.read(message);
		}
		catch (RuntimeException ex) {
			log.warn("Dropped a message on the bus that this node cannot read: {}", ex.getMessage());
			return;
		}
		this.received.increment();
		if (!this.local.offer(envelope.delivery())) {
			overflowed(envelope.delivery());
		}
	}

	private void overflowed(Delivery delivery) {
		this.overflow.increment();
		long now = System.nanoTime();
		long last = this.overflowLoggedAt.get();
		if (now - last >= OVERFLOW_LOG_INTERVAL_NANOS && this.overflowLoggedAt.compareAndSet(last, now)) {
			log.warn(
					"This node's delivery lanes are full: dropped {} from another node ({} dropped in all); its "
							+ "clients here catch up by seq",
					delivery.event().getClass().getSimpleName(), (long) this.overflow.count());
		}
	}

	/** A socket lives on one node: the one where the command that named it came in. */
	private static boolean onlyThisNode(Audience audience) {
		return audience.to().stream().allMatch((target) -> target instanceof Audience.Socket);
	}

	private void publishFailed(Throwable failure) {
		this.failed.increment();
		if (this.failing.compareAndSet(false, true)) {
			log.warn("Publishing to the other nodes failed ({}); this node's clients are still served, the others "
					+ "catch up by seq", failure.getMessage());
		}
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.topologyWatch.close();
		}
		catch (Exception ex) {
			log.debug("Could not stop watching the Redis Cluster's topology", ex);
		}
		synchronized (this) {
			this.subscription.close();
		}
	}

}
