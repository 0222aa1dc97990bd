package io.orderchat.web;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.NodeTests;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real browser: starts the server on a random port with the demo issuer
 * on (as {@code bin/run} does) and runs {@code e2e/ui/*.test.mjs}, which drive Debian's
 * Chromium through npm's playwright-core. Screenshots of the main views land in
 * {@code target/ui-screenshots/}.
 */
class WebUiIT extends IntegrationTest {

	@DynamicPropertySource
	static void demoIssuer(DynamicPropertyRegistry registry) {
		// The UI's sign-in lists the demo users; the issuer runs only without the host
		// app's keys.
		registry.add("orderchat.identity.jwt-secret", () -> "");
	}

	@Test
	void peopleInEveryRoleChatInTheBrowser() {
		String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
		assertThat(new File(chromium)).as("Chromium for the web UI tests; bin/chromium installs it").canRead();
		NodeTests.run("e2e/ui", Map.of("ORDERCHAT_URL", "http://localhost:" + this.port, "CHROMIUM", chromium,
				"UI_SCREENSHOTS", Path.of("target", "ui-screenshots").toAbsolutePath().toString()));
	}

}
