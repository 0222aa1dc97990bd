/**
 * Cluster mode: several stateless nodes sharing PostgreSQL and Redis (one server or a
 * Redis Cluster, see {@link io.orderchat.cluster.RedisAddress}). Switched on by a Redis
 * URL ({@link io.orderchat.shared.ClusterMode}); then this package replaces the
 * node-local defaults with Redis-backed ones — presence and typing seen by every node,
 * rate limits counted once for the cluster — and every node announces itself with a
 * heartbeat so that the connections of a node that died without saying goodbye expire.
 * Lettuce is used directly: sharded pub/sub ({@code SSUBSCRIBE}), Lua scripts and
 * Bucket4j's buckets need nothing more, and the embedded default keeps no Redis client
 * configured at all.
 */
package io.orderchat.cluster;
