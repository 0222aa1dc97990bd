package io.orderchat.cluster;

/**
 * Every Redis key and channel of one cluster, under its prefix. Keys that one script
 * touches together share a hash tag ({@code {...}}) so that they land in one slot of a
 * Redis Cluster.
 */
record Keys(String prefix) {

	/** Live nodes, scored by their last heartbeat (Redis time, ms). */
	String nodes() {
		return this.prefix + "nodes";
	}

	/** One node instance's connections: connection id → user id. */
	String nodeConnections(String instance) {
		return this.prefix + "node-connections:" + instance;
	}

	/** One user's connections on every node: connection id → node instance. */
	String presence(String userId) {
		return this.prefix + "presence:" + userId;
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
