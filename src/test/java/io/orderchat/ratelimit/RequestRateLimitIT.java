package io.orderchat.ratelimit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.orderchat.identity.Role;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address REST rate: over it every {@code /api/**} and {@code /pusher/auth}
 * request is answered 429 {@code RATE_LIMITED} with {@code Retry-After} and the envelope,
 * before any work, while what is not the API (health probes) is not counted.
 */
class RequestRateLimitIT extends IntegrationTest {

	private static final int BURST = 5;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void tightRequestRate(DynamicPropertyRegistry registry) {
		registry.add("orderchat.limits.requests-per-second-per-ip", () -> 1);
		registry.add("orderchat.limits.request-burst-per-ip", () -> BURST);
	}

	@Test
	void anAddressOverItsRequestRateIsAnswered429WithRetryAfter() throws Exception {
		String token = person("Rita", Role.CUSTOMER).token();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < BURST + 3; i++) {
			responses.add(get("/api/orders/my-orders", token));
		}

		assertThat(responses.subList(0, BURST))
			.allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
		HttpResponse<String> refused = responses.getLast();
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));
		assertThat(refused.body()).contains("\"success\":false", "\"code\":\"RATE_LIMITED\"",
				"requests from this address");

		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void pusherChannelAuthorizationCountsLikeTheApi() throws Exception {
		String token = person("Paula", Role.CUSTOMER).token();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < BURST + 3; i++) {
			responses
				.add(this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/pusher/auth"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("socket_id=1234.5678&channel_name=private-order-1"))
					.build(), HttpResponse.BodyHandlers.ofString()));
		}

		HttpResponse<String> refused = responses.getLast();
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		// the address's bucket is shared: leave it full again for the other test
		Thread.sleep((BURST + 1) * 1000L);
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
