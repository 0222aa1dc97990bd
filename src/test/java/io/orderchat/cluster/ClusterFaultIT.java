package io.orderchat.cluster;

import java.time.Duration;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeLoad;
import io.orderchat.testing.TestCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What users keep when a node or Redis fails under load: 50 socket.io-clients (half
 * WebSocket, half long-polling) chat in 25 conversations through HAProxy over two nodes,
 * resending by client id and resuming by seq. Whatever fails, afterwards every
 * acknowledged message is stored exactly once, every conversation's seq is gap-free and
 * every client holds the complete sequence: 0 lost, 0 doubled.
 */
class ClusterFaultIT {

	private static final int CLIENTS = 50;

	/** Acknowledgements between two faults, so that each fault hits a load. */
	private static final int ACKS_BETWEEN = 150;

	private static final Duration RECOVERY = Duration.ofSeconds(60);

	private TestCluster cluster;

	private NodeLoad load;

	@AfterEach
	void stop() {
		if (this.load != null) {
			this.load.close();
		}
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void kill9OfANodeUnderLoadLosesAndDoublesNothing() throws Exception {
		startUnderLoad();
		for (int round = 0; round < 3; round++) {
			int node = round % 2;
			this.cluster.kill9(node);
			awaitProgress("after kill -9 of node " + (node + 1) + " (round " + (round + 1) + ")");
			this.cluster.restart(node);
			awaitProgress("after node " + (node + 1) + " came back (round " + (round + 1) + ")");
		}
		verify(false);
	}

	@Test
	void aRollingRestartUnderLoadLosesAndDoublesNothing() throws Exception {
		startUnderLoad();
		for (int node = 0; node < this.cluster.size(); node++) {
			Duration stopped = this.cluster.node(node).terminate(Duration.ofSeconds(30));
			assertThat(stopped).as("node %d drained", node + 1).isLessThan(Duration.ofSeconds(15));
			awaitProgress("while node " + (node + 1) + " is down");
			this.cluster.restart(node);
			awaitProgress("after node " + (node + 1) + " came back");
		}
		verify(false);
	}

	@Test
	void aRedisRestartUnderLoadLosesNothingAndCrossNodeDeliveryResumesByItself() throws Exception {
		startUnderLoad();
		this.cluster.redis().stop();
		// the nodes go on storing and serving their own clients without Redis
		awaitProgress("while Redis is down");
		this.cluster.redis().startAgain();
		// the nodes reconnect and subscribe again; presence is written back on the next
		// beat
		Thread.sleep(3000);
		this.load.mark();
		awaitProgress("after Redis came back");
		verify(true);
	}

	private void startUnderLoad() throws InterruptedException {
		this.cluster = TestCluster.start(2, (options) -> {
		});
		this.load = NodeLoad.start(this.cluster.url(), IntegrationTest.SECRET, CLIENTS);
		awaitProgress("at the start");
	}

	private void awaitProgress(String when) throws InterruptedException {
		int before = this.load.acked();
		assertThat(this.load.awaitAcked(before, ACKS_BETWEEN, RECOVERY))
			.as("%d more acknowledgements %s (%d so far); load: %s; logs %s", ACKS_BETWEEN, when, this.load.acked(),
					this.load.output(), this.cluster.logs())
			.isTrue();
	}

	private void verify(boolean live) throws Exception {
		JsonNode result = this.load.stopAndVerify(Duration.ofSeconds(90));
		System.out.println("ClusterFaultIT: " + result);
		assertThat(result.path("problemCount").asInt()).as("%s; logs %s", result, this.cluster.logs()).isZero();
		assertThat(result.path("acked").asInt()).isGreaterThan(ACKS_BETWEEN * 3);
		if (live) {
			assertThat(result.path("liveAfterMark").asInt()).as("messages after Redis came back").isPositive();
		}
	}

}
