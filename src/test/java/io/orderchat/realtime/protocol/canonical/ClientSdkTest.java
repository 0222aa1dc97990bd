package io.orderchat.realtime.protocol.canonical;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.orderchat.testing.NodeTests;

/**
 * The client SDK's own unit tests (clients/js/test, no server), run by Node against the
 * build's clients/js/dist.
 */
class ClientSdkTest {

	@Test
	void sdkUnitTests() {
		NodeTests.run("clients/js/test", Map.of());
	}

}
