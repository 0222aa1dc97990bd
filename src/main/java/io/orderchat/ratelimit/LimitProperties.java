package io.orderchat.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits: generous for a person, tight for a script. See README "Rate limits and
 * caps".
 *
 * @param messagesPerSecond messages a user may send per second, steadily
 * @param messageBurst messages a user may send at once before the steady rate applies
 * @param reactionsPerMinute reactions a user may add or remove per minute (also the
 * burst)
 * @param ordersPerMinute orders a user may create per minute (also the burst)
 * @param uploadsPerMinute upload requests a user may make per minute (also the burst)
 * @param requestsPerSecondPerIp REST requests per second from one IP address, steadily
 * @param requestBurstPerIp REST requests from one IP address at once
 * @param socketsPerUser Socket.IO connections one user may hold on a node
 * @param joinsPerSocket conversations one socket may have joined at once
 * @param maxTrackedKeys most buckets (users, addresses) kept in memory; the least
 * recently used beyond it start afresh
 */
@ConfigurationProperties("orderchat.limits")
record LimitProperties(@DefaultValue("10") int messagesPerSecond, @DefaultValue("30") int messageBurst,
		@DefaultValue("120") int reactionsPerMinute, @DefaultValue("30") int ordersPerMinute,
		@DefaultValue("30") int uploadsPerMinute, @DefaultValue("50") int requestsPerSecondPerIp,
		@DefaultValue("200") int requestBurstPerIp, @DefaultValue("20") int socketsPerUser,
		@DefaultValue("200") int joinsPerSocket, @DefaultValue("100000") int maxTrackedKeys) {
}
