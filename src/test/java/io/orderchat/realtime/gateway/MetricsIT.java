package io.orderchat.realtime.gateway;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.orderchat.identity.Role;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics an operator watches move with what happens: connections by transport,
 * handshakes and connects (admitted and refused by reason), commands by name and outcome,
 * messages stored, commit batches, delivery latency, rooms, uploads and their refusals,
 * as Prometheus scrapes them.
 */
class MetricsIT extends IntegrationTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private ApplicationContext context;

	@Test
	void moveWithConnectionsCommandsMessagesAndUploads() throws Exception {
		Person customer = person("Metrics Customer", Role.CUSTOMER);
		String token = customer.token();
		String conversation = api().post("/api/orders", token, "{\"exchangeMethod\":\"cash\",\"amount\":10}")
			.data()
			.path("chatRoomId")
			.asString();
		String before = scrape();

		RawSocketIo socket = RawSocketIo.open(this.port, token);
		assertThat(socket.call("\"conversation:join\"", "{\"conversationId\":\"" + conversation + "\"}",
				Duration.ofSeconds(10)))
			.contains("\"ok\":true");
		for (int i = 0; i < 3; i++) {
			assertThat(socket.call("\"message:send\"",
					"{\"conversationId\":\"" + conversation + "\",\"content\":\"counted " + i + "\"}",
					Duration.ofSeconds(10)))
				.contains("\"ok\":true");
		}
		assertThat(socket.call("\"no:such-command\"", "{}", Duration.ofSeconds(10))).contains("UNKNOWN_COMMAND");
		assertThat(socket.call("\"message:send\"", "{\"conversationId\":\"" + conversation + "\"}",
				Duration.ofSeconds(10)))
			.contains("CONTENT_EMPTY");
		assertThat(refusedConnect()).isTrue();
		assertThat(upload(token, "notes.txt", "plain words".getBytes(StandardCharsets.UTF_8))).isEqualTo(201);
		assertThat(upload(token, "tool.exe", new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0 }))
			.isEqualTo(415);
		String after = scrape();

		assertThat(value(after, "orderchat_socketio_connections", "transport=\"websocket\"")).isGreaterThanOrEqualTo(1);
		assertThat(moved(before, after, "orderchat_socketio_handshakes_total")).isGreaterThanOrEqualTo(2);
		assertThat(moved(before, after, "orderchat_socketio_connects_total", "outcome=\"accepted\"")).isEqualTo(1);
		assertThat(moved(before, after, "orderchat_socketio_connects_total", "outcome=\"UNAUTHENTICATED\""))
			.isEqualTo(1);
		assertThat(
				moved(before, after, "orderchat_commands_seconds_count", "command=\"message:send\"", "outcome=\"ok\""))
			.isEqualTo(3);
		assertThat(moved(before, after, "orderchat_commands_seconds_count", "command=\"message:send\"",
				"outcome=\"CONTENT_EMPTY\""))
			.isEqualTo(1);
		assertThat(moved(before, after, "orderchat_commands_seconds_count", "command=\"unknown\"",
				"outcome=\"UNKNOWN_COMMAND\""))
			.isEqualTo(1);
		assertThat(moved(before, after, "orderchat_messages_stored_total", "type=\"text\"")).isGreaterThanOrEqualTo(3);
		assertThat(moved(before, after, "orderchat_commit_batch_size_count")).isGreaterThanOrEqualTo(1);
		assertThat(moved(before, after, "orderchat_commit_batch_seconds_count")).isGreaterThanOrEqualTo(1);
		assertThat(moved(before, after, "orderchat_delivery_latency_seconds_count")).isGreaterThanOrEqualTo(3);
		// the sender's socket hears its own three messages: three timed socket writes
		assertThat(moved(before, after, "orderchat_delivery_write_latency_seconds_count")).isGreaterThanOrEqualTo(3);
		assertThat(after).contains("orderchat_delivery_write_latency_seconds_bucket{le=\"0.001\"");
		assertThat(value(after, "orderchat_socketio_rooms")).isGreaterThanOrEqualTo(2);
		assertThat(moved(before, after, "orderchat_uploads_bytes_count")).isEqualTo(1);
		assertThat(moved(before, after, "orderchat_uploads_refused_total", "code=\"UNSUPPORTED_FILE_TYPE\""))
			.isEqualTo(1);
		assertThat(documented()).as("metrics in the README and the dashboard that the server does not serve")
			.allMatch((metric) -> after.contains("\n" + metric) || metric.equals("orderchat_ratelimit_refused_total"));
		socket.close();
	}

	/**
	 * OrderChat's metric names in the README's metrics table and the Grafana dashboard
	 * (the rate limits' counter appears once something was refused; RateLimitsIT sees
	 * it). A single node serves all but the rows marked "cluster mode" (ClusterIT's
	 * business).
	 */
	private static Set<String> documented() throws Exception {
		String table = Files.readAllLines(Path.of("README.md"))
			.stream()
			.filter((line) -> line.startsWith("| `orderchat_") && !line.contains("| cluster mode"))
			.collect(Collectors.joining("\n"));
		String text = table + Files.readString(Path.of("docs/grafana/orderchat.json"));
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("orderchat_[a-z_]+").matcher(text);
		while (matcher.find()) {
			names.add(matcher.group().replaceAll("_(bucket|sum|count)$", ""));
		}
		assertThat(names).hasSizeGreaterThan(15);
		return names;
	}

	private boolean refusedConnect() throws Exception {
		try {
			RawSocketIo.open(this.port, "not-a-token").close();
			return false;
		}
		catch (IllegalStateException ex) {
			return ex.getMessage().contains("UNAUTHENTICATED");
		}
	}

	private int upload(String token, String name, byte[] content) throws Exception {
		String boundary = "metrics-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
				+ name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/attachments"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	@Test
	void countLogEventsByLevelWithoutATurboFilterOnEveryLevelCheck() throws Exception {
		String before = scrape();
		LoggerFactory.getLogger(MetricsIT.class).warn("counted by logback_events_total");
		String after = scrape();

		assertThat(moved(before, after, "logback_events_total", "level=\"warn\"")).isGreaterThanOrEqualTo(1);
		// Its turbo filter would run on each isDebugEnabled(), which Jetty calls per
		// frame. (Logback's filter list is the JVM's: another test's context may have
		// added one.)
		assertThat(this.context.getBeanNamesForType(LogbackMetrics.class)).isEmpty();
	}

	private String scrape() throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static double moved(String before, String after, String metric, String... labels) {
		return value(after, metric, labels) - value(before, metric, labels);
	}

	/**
	 * The sum of the samples of {@code metric} whose labels include all of
	 * {@code labels}.
	 */
	private static double value(String scrape, String metric, String... labels) {
		return Arrays.stream(scrape.split("\n"))
			.filter((line) -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
