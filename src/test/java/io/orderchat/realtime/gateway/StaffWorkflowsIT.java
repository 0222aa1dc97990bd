package io.orderchat.realtime.gateway;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;
import org.junit.jupiter.api.Test;

/**
 * The staff workflows over the socket, driven by the stock npm socket.io-client@4: every
 * {@code e2e/staff/*.test.mjs} against this server and its PostgreSQL database.
 */
class StaffWorkflowsIT extends IntegrationTest {

	@Test
	void moderatorsSupportAgentsAndDisputesWorkEndToEnd() {
		NodeTests.run(this.port, SECRET, "e2e/staff");
	}

}
