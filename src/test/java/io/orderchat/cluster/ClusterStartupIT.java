package io.orderchat.cluster;

import java.time.Duration;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.ServerProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node asked to join a cluster that it cannot join refuses to start, at once and saying
 * why, instead of running as a lone node that the others do not see.
 */
class ClusterStartupIT {

	@Test
	void aNodeWhoseRedisDoesNotAnswerFailsFastWithAClearMessage() {
		int nothingListens = ServerProcess.freePort();
		ServerProcess.Exit exit = ServerProcess.startExpectingExit(
				clusterNode("no-redis").env("REDIS_URL", "redis://127.0.0.1:" + nothingListens),
				Duration.ofSeconds(60));

		assertThat(exit.code()).as(exit.output()).isNotZero();
		assertThat(exit.output()).contains("APPLICATION FAILED TO START")
			.contains("Cluster mode is configured (orderchat.cluster.redis-url=redis://127.0.0.1:" + nothingListens
					+ ") but Redis did not answer")
			.contains("remove REDIS_URL to run the single-node embedded default")
			.as("it fails before the database is even touched")
			.doesNotContain("Flyway");
	}

	@Test
	void aClusterNodeWithoutTheSharedDownloadLinkSecretRefusesToStart() {
		ServerProcess.Exit exit = ServerProcess.startExpectingExit(
				clusterNode("no-secret").env("REDIS_URL", "redis://127.0.0.1:6379").env("UPLOAD_SIGNING_SECRET", ""),
				Duration.ofSeconds(60));

		assertThat(exit.code()).as(exit.output()).isNotZero();
		assertThat(exit.output()).contains("Cluster mode needs one download-link secret for all nodes")
			.contains("Set UPLOAD_SIGNING_SECRET");
	}

	private static ServerProcess.Options clusterNode(String name) {
		return new ServerProcess.Options(name).env("JWT_SECRET", IntegrationTest.SECRET)
			.env("UPLOAD_SIGNING_SECRET", "a-shared-secret-for-every-node-0123456789")
			.env("DATABASE_URL", "jdbc:h2:mem:" + name)
			.javaOptions("-Xmx256m", "-XX:TieredStopAtLevel=1");
	}

}
