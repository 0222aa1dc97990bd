package io.orderchat.realtime.protocol.exchange;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's existing clients against this server (DIALECTS.md §0, §1.1–1.3): the real
 * npm {@code socket.io-client} and REST calls with the seed's paths, events and payloads
 * (e2e/exchange).
 */
class ExchangeDialectIT extends IntegrationTest {

	@Test
	void seed000ClientsWorkUnchanged() {
		NodeTests.run(this.port, SECRET, "e2e/exchange");
	}

}
