package io.orderchat.cluster;

import io.lettuce.core.RedisCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisAddressTest {

	@Test
	void aRedisClusterIsNamedBySomeOfItsNodesWithOneSetOfCredentials() {
		RedisAddress address = RedisAddress.parse(" redis-cluster://app:s3cret@10.0.0.1:7000,10.0.0.2:7001 ");

		assertThat(address.cluster()).isTrue();
		assertThat(address.nodes()).extracting((node) -> node.getHost() + ":" + node.getPort())
			.containsExactly("10.0.0.1:7000", "10.0.0.2:7001");
		assertThat(address.nodes()).allSatisfy((node) -> {
			RedisCredentials credentials = node.getCredentialsProvider().resolveCredentials().block();
			assertThat(credentials.getUsername()).isEqualTo("app");
			assertThat(credentials.getPassword()).isEqualTo("s3cret".toCharArray());
			assertThat(node.isSsl()).isFalse();
		});
		assertThat(address.redacted()).isEqualTo("redis-cluster://app:***@10.0.0.1:7000,10.0.0.2:7001");
	}

	@Test
	void rediss_clusterIsARedisClusterOverTlsAndAPortlessSeedGets6379() {
		RedisAddress address = RedisAddress.parse("rediss-cluster://cache.example:6380,other.example");

		assertThat(address.cluster()).isTrue();
		assertThat(address.nodes()).allSatisfy((node) -> assertThat(node.isSsl()).isTrue());
		assertThat(address.nodes().get(1).getPort()).isEqualTo(6379);
	}

	@Test
	void aRedisUrlIsOneRedis() {
		RedisAddress address = RedisAddress.parse("redis://127.0.0.1:6379/2");

		assertThat(address.cluster()).isFalse();
		assertThat(address.nodes()).singleElement().satisfies((node) -> assertThat(node.getDatabase()).isEqualTo(2));
	}

	@Test
	void somethingElseFailsTheStartSayingWhatToSet() {
		for (String url : new String[] { "redis-cluster://", "redis-cluster://a b:7000", "cluster://a:7000" }) {
			assertThatThrownBy(() -> RedisAddress.parse(url)).as(url)
				.isInstanceOf(ClusterStartupException.class)
				.hasMessageContaining("is not a Redis URL")
				.extracting((ex) -> ((ClusterStartupException) ex).action())
				.asString()
				.contains("redis-cluster://host1:port1,host2:port2");
		}
	}

}
