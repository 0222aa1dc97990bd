package io.orderchat.web;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real browser: starts the server on a random port with the demo issuer
 * on (as {@code bin/run} does) and runs {@code e2e/ui/*.test.mjs}, which drive Debian's
 * Chromium through npm's playwright-core. Screenshots land in
 * {@code target/ui-screenshots/}, the runner's output in {@code target/ui-e2e.log}.
 */
class WebUiIT extends IntegrationTest {

	private static final Pattern PASSED = Pattern.compile("^# pass (\\d+)$", Pattern.MULTILINE);

	private static final Pattern FAILED = Pattern.compile("^# fail (\\d+)$", Pattern.MULTILINE);

	@DynamicPropertySource
	static void demoIssuer(DynamicPropertyRegistry registry) {
		// The UI's sign-in lists the demo users; the issuer runs only without the host
		// app's keys.
		registry.add("orderchat.identity.jwt-secret", () -> "");
	}

	@Test
	void peopleInEveryRoleChatInTheBrowser() throws IOException, InterruptedException {
		String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
		assertThat(new File(chromium)).as("Chromium for the web UI tests; bin/chromium installs it").canRead();
		Path log = Path.of("target", "ui-e2e.log");
		Files.createDirectories(log.getParent());
		List<String> command = List.of("node", "--test", "--test-concurrency=1", "--test-timeout=120000",
				"--test-reporter=tap", "e2e/ui/");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("ORDERCHAT_URL", "http://localhost:" + this.port);
		builder.environment().put("CHROMIUM", chromium);
		builder.environment().put("UI_SCREENSHOTS", Path.of("target", "ui-screenshots").toAbsolutePath().toString());
		Process node = builder.start();
		boolean finished = node.waitFor(8, TimeUnit.MINUTES);
		if (!finished) {
			node.descendants().forEach(ProcessHandle::destroyForcibly);
			node.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		System.out.println(output);
		assertThat(finished).as("the browser tests finish within 8 minutes").isTrue();
		assertThat(count(FAILED, output)).as("failed browser tests (see target/ui-e2e.log)").isZero();
		assertThat(count(PASSED, output)).as("passed browser tests").isGreaterThanOrEqualTo(18);
		assertThat(node.exitValue()).as("node --test exit code").isZero();
	}

	private static int count(Pattern pattern, String output) {
		Matcher matcher = pattern.matcher(output);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

}
