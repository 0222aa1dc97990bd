package io.orderchat.attachments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Images and files over the socket, driven by the real npm {@code socket.io-client}
 * (e2e/attachments): seed 000's binary {@code chat:image} over WebSocket and polling, its
 * limits as error codes, and canonical {@code message:send} with pre-uploaded files.
 */
class SocketAttachmentsIT extends IntegrationTest {

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("orderchat-socket-attachments-it");
		registry.add("orderchat.attachments.storage.directory", directory::toString);
	}

	@Test
	void imagesAndFilesOverTheSocket() {
		NodeTests.run(this.port, SECRET, "e2e/attachments");
	}

}
