package io.orderchat.cluster;

/**
 * Every Redis key and channel of one cluster, under its prefix. On a Redis Cluster a
 * command or script may only touch keys of one slot: keys that one script touches
 * together share a hash tag ({@code {...}}, the only part of the key that is hashed
 * then), so the prefix must hold no braces. Presence's keys share one tag (a connect
 * writes the user's and the node's hash in one script; so presence lives on one shard,
 * which a connect and a disconnect each cost one script), typing's another; a bus channel
 * and a rate limit bucket are one key each and spread over the slots.
 */
record Keys(String prefix) {

	Keys {
		if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
			throw new IllegalArgumentException(
					"orderchat.cluster.key-prefix must not contain { or }: they would change the keys' Redis Cluster slots");
		}
	}

	/** Live nodes, scored by their last heartbeat (Redis time, ms). */
	String nodes() {
		return this.prefix + "nodes";
	}

	/** One node instance's connections: connection id → user id. */
	String nodeConnections(String instance) {
		return this.prefix + "{presence}:node-connections:" + instance;
	}

	/** One user's connections on every node: connection id → node instance. */
	String presence(String userId) {
		return this.prefix + "{presence}:user:" + userId;
	}

	/** Typists, scored by when their typing expires (Redis time, ms). */
	String typingExpiries() {
		return this.prefix + "{typing}:expiries";
	}

	/** Typists' display names, for the expiry report. */
	String typingNames() {
		return this.prefix + "{typing}:names";
	}

	/** One of the event bus's sharded channels. */
	String busChannel(int index) {
		return this.prefix + "bus:" + index;
	}

	/** One rate limit bucket. */
	String bucket(String rate, String key) {
		return this.prefix + "rate:" + rate + ":" + key;
	}

}
