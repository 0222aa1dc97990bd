package io.orderchat.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;
import io.orderchat.testing.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ClusterIT} on a Redis Cluster of three masters
 * ({@code REDIS_URL=redis-cluster://...}): two nodes behind HAProxy, driven by the real
 * socket.io-client ({@code e2e/cluster/}): messages, typing, read receipts and presence
 * cross nodes over the sharded bus, rate limits are the cluster's, and each node's health
 * shows the Redis Cluster serving.
 */
class RedisClusterNodesIT {

	private static TestCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = TestCluster.onRedisCluster(2,
				(options) -> options.env("LIMIT_MESSAGE_BURST", "4").env("LIMIT_MESSAGES_PER_SECOND", "1"));
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	/**
	 * {@code /actuator/health} includes {@code cluster}, DOWN (503) while the Redis
	 * Cluster does not serve every slot ({@link RedisClusterStateIT} checks that part).
	 */
	@Test
	void eachNodeIsHealthyOnTheRedisCluster() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < cluster.size(); i++) {
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(URI.create(cluster.node(i).url() + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
			assertThat(health.body()).contains("\"UP\"");
			assertThat(cluster.node(i).output()).contains("on Redis Cluster redis-cluster://127.0.0.1:");
		}
	}

	@Test
	void whatOneNodeKnowsTheOthersKnowThroughTheRedisCluster() {
		String nodes = IntStream.range(0, cluster.size())
			.mapToObj((i) -> cluster.node(i).url())
			.collect(Collectors.joining(","));
		NodeTests.run("e2e/cluster",
				Map.of("ORDERCHAT_URL", cluster.url(), "NODE_URLS", nodes, "JWT_SECRET", IntegrationTest.SECRET));
	}

}
