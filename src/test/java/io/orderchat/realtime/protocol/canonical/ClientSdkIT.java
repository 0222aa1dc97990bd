package io.orderchat.realtime.protocol.canonical;

import org.junit.jupiter.api.Test;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;

/**
 * The client SDK (clients/js, built into clients/js/dist by the Maven build) against this
 * server on PostgreSQL: e2e/sdk drives it through reconnects, resends, resumes and an
 * expiring token.
 */
class ClientSdkIT extends IntegrationTest {

	@Test
	void sdkAgainstARealServer() {
		NodeTests.run(this.port, SECRET, "e2e/sdk");
	}

}
