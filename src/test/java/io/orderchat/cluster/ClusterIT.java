package io.orderchat.cluster;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;
import io.orderchat.testing.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing PostgreSQL and a Redis of their own, behind HAProxy with the shipped
 * configuration, driven by the real socket.io-client ({@code e2e/cluster/}): presence,
 * rate limits and download links are the cluster's, not a node's; WebSocket and sticky
 * long-polling pass through the load balancer.
 */
class ClusterIT {

	private static TestCluster cluster;

	@BeforeAll
	static void startCluster() {
		// a burst of 4 messages, then 1 a minute: e2e/cluster's rate limit test spends it
		// on both nodes
		cluster = TestCluster.start(2,
				(options) -> options.env("LIMIT_MESSAGE_BURST", "4").env("LIMIT_MESSAGES_PER_SECOND", "1"));
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void whatOneNodeKnowsTheOthersKnow() {
		String nodes = IntStream.range(0, cluster.size())
			.mapToObj((i) -> cluster.node(i).url())
			.collect(Collectors.joining(","));
		NodeTests.run("e2e/cluster",
				Map.of("ORDERCHAT_URL", cluster.url(), "NODE_URLS", nodes, "JWT_SECRET", IntegrationTest.SECRET));
	}

}
