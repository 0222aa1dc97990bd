package io.orderchat.realtime.gateway;

import org.junit.jupiter.api.Test;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;

/**
 * The canonical protocol and the seeds' socket dialects, driven end to end by the real
 * npm {@code socket.io-client} (e2e/core and e2e/seeds) against this server on
 * PostgreSQL.
 */
class RealtimeProtocolIT extends IntegrationTest {

	@Test
	void canonicalProtocol() {
		NodeTests.run(this.port, SECRET, "e2e/core");
	}

	@Test
	void seedDialects() {
		NodeTests.run(this.port, SECRET, "e2e/seeds");
	}

}
