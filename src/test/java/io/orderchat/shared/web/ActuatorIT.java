package io.orderchat.shared.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator gets from Actuator on the main port: the version and commit,
 * Prometheus metrics, the probes, and nothing more (no endpoint that shows configuration
 * or changes state).
 */
class ActuatorIT extends IntegrationTest {

	@Test
	void infoNamesTheVersionAndTheCommit() {
		Response info = api().get("/actuator/info", null);

		assertThat(info.status()).isEqualTo(200);
		assertThat(info.body().path("build").path("version").asString()).isNotBlank();
		assertThat(info.body().path("git").path("commit").path("id").toString()).matches(".*[0-9a-f]{7,}.*");
	}

	@Test
	void probesAnswerWithoutToken() {
		assertThat(api().get("/actuator/health/liveness", null).body().path("status").asString()).isEqualTo("UP");
		assertThat(api().get("/actuator/health/readiness", null).body().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusScrapesJvmAndHttpMetrics() throws Exception {
		api().get("/api/orders/my-orders", null);

		String scrape = text("/actuator/prometheus");

		assertThat(scrape).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
				"hikaricp_connections_active", "cache=\"verifiedTokens\"", "cache=\"firstSeenTokens\"");
	}

	@Test
	void exposesNothingElse() {
		for (String endpoint : new String[] { "env", "beans", "configprops", "heapdump", "threaddump", "loggers",
				"shutdown", "mappings" }) {
			assertThat(api().get("/actuator/" + endpoint, null).status()).as(endpoint).isEqualTo(404);
		}
	}

	private String text(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
