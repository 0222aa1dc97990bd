package io.orderchat.shared.web;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestErrorsIT extends IntegrationTest {

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	@Test
	void refusesACallWithoutToken() {
		assertError(api().get("/api/orders/my-orders", null), 401, "UNAUTHENTICATED");
		assertError(api().get("/api/unread", null), 401, "UNAUTHENTICATED");
	}

	@Test
	void refusesAForgedToken() {
		assertError(api().get("/api/orders/my-orders", "not-a-token"), 401, "UNAUTHENTICATED");
	}

	@Test
	void refusesAnExpiredTokenWithItsOwnCode() {
		String expired = token(this.customer.id(), this.customer.name(), Role.CUSTOMER, Instant.now().minusSeconds(5));

		assertError(api().get("/api/orders/my-orders", expired), 401, "TOKEN_EXPIRED");
	}

	@Test
	void answersMalformedJsonWith400() {
		assertError(api().post("/api/orders", this.customer.token(), "{not json"), 400, "VALIDATION_FAILED");
	}

	@Test
	void answersWrongTypesWith400() {
		assertError(
				api().post("/api/orders", this.customer.token(), "{\"exchangeMethod\":\"cash\",\"amount\":\"lots\"}"),
				400, "VALIDATION_FAILED");
		assertError(api().post("/api/orders", this.customer.token(), "[1,2]"), 400, "VALIDATION_FAILED");
	}

	@Test
	void answersMissingFieldsWith400() {
		assertError(api().post("/api/orders", this.customer.token(), "{\"exchangeMethod\":\"cash\"}"), 400,
				"VALIDATION_FAILED");
		assertError(api().post("/api/orders", this.customer.token(), "{\"amount\":5}"), 400, "VALIDATION_FAILED");
	}

	@Test
	void answersAnUnknownRouteWith404() {
		assertError(api().get("/api/nothing-here", this.customer.token()), 404, "NOT_FOUND");
		assertError(api().get("/api/orders/" + java.util.UUID.randomUUID(), this.customer.token()), 404, "NOT_FOUND");
	}

	@Test
	void answersAWrongMethodWith405() {
		assertError(api().delete("/api/orders/my-orders", this.customer.token()), 405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void answersANonJsonBodyWith415() {
		Response response = api().send("POST", "/api/orders", this.customer.token(), null);
		assertThat(response.status()).isIn(400, 415);
		assertThat(response.body().path("success").asBoolean()).isFalse();
	}

	@Test
	void switchesTheDemoIssuerOffWhenRealKeysAreConfigured() {
		Response users = api().get("/api/demo/users", null);
		assertError(users, 404, "NOT_FOUND");
		assertThat(users.body().path("error").path("message").asString()).contains("demo");
		assertError(api().post("/api/demo/token", null, "{\"userId\":\"demo-customer\"}"), 404, "NOT_FOUND");
	}

	@Test
	void byDefaultPagesOfAnyOriginMayCallAndConnectWithoutCredentials() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> preflight = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/orders/my-orders"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", "https://shop.example")
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "authorization")
				.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> handshake = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/socket.io/?EIO=4&transport=polling"))
			.header("Origin", "https://shop.example")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(handshake.statusCode()).isEqualTo(200);
		assertThat(handshake.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(handshake.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void answersHealthWithoutToken() {
		Response health = api().get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void wrapsSuccessInTheEnvelope() {
		Response mine = api().get("/api/orders/my-orders", this.customer.token());
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body().path("success").asBoolean()).isTrue();
		assertThat(mine.data().isArray()).isTrue();
		assertThat(Api.json(java.util.Map.of())).isEqualTo("{}");
	}

	@Test
	void aMissingBodyIsNamedWithoutJavaSignatures() {
		Response response = api().send("POST", "/api/orders", this.customer.token(), "");

		assertError(response, 400, "VALIDATION_FAILED");
		assertThat(response.body().path("error").path("message").asString())
			.isEqualTo("A JSON request body is required")
			.doesNotContain("io.orderchat", "(");
	}

	@Test
	void wrongTypesAreRefusedNotCoerced() {
		Response amount = api().post("/api/orders", this.customer.token(),
				"{\"exchangeMethod\":\"cash\",\"amount\":\"10\"}");
		assertError(amount, 400, "VALIDATION_FAILED");
		assertThat(amount.body().path("error").path("message").asString()).isEqualTo("Field 'amount' must be a number");
		assertError(api().post("/api/orders", this.customer.token(), "{\"exchangeMethod\":42,\"amount\":10}"), 400,
				"VALIDATION_FAILED");
	}

	@Test
	void refusesTheNulCharacterInABodyAndInAPath() {
		Response body = api().post("/api/orders", this.customer.token(),
				"{\"exchangeMethod\":\"cash\",\"amount\":10,\"notes\":\"a\\u0000b\"}");
		assertError(body, 400, "VALIDATION_FAILED");
		assertThat(body.body().path("error").path("message").asString()).contains("'notes'", "NUL");
		assertError(api().get("/api/orders/ext%00", this.customer.token()), 400, "VALIDATION_FAILED");
	}

	@Test
	void refusesABodyOverTheLimitWith413() {
		String notes = "x".repeat(70_000);
		Response response = api().post("/api/orders", this.customer.token(),
				"{\"exchangeMethod\":\"cash\",\"amount\":10,\"notes\":\"" + notes + "\"}");

		assertError(response, 413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void answersErrorDirectlyWith404() {
		assertError(api().get("/error", null), 404, "NOT_FOUND");
		assertError(api().post("/error", null, "{}"), 404, "NOT_FOUND");
	}

	@Test
	void answersMalformedAndOversizedRequestLinesInTheEnvelope() throws Exception {
		for (String target : List.of("/api/%zz", "/api/orders/%", "/" + "a".repeat(20_000))) {
			String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(target.substring(0, Math.min(40, target.length())))
				.matches("(?s)HTTP/1.1 4\\d\\d .*")
				.contains("application/json")
				.contains("\"success\":false")
				.doesNotContain("<html");
		}
	}

	@Test
	void aTokenWithoutExpLivesTheMaximumAge() throws Exception {
		JWTClaimsSet timeless = new JWTClaimsSet.Builder().subject(this.customer.id()).claim("role", "admin").build();
		JWTClaimsSet old = new JWTClaimsSet.Builder().subject(this.customer.id())
			.issueTime(Date.from(Instant.now().minus(Duration.ofHours(25))))
			.build();
		JWTClaimsSet recent = new JWTClaimsSet.Builder().subject(this.customer.id())
			.issueTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
			.build();

		assertError(api().get("/api/orders/my-orders", sign(old)), 401, "TOKEN_EXPIRED");
		assertThat(api().get("/api/orders/my-orders", sign(recent)).status()).isEqualTo(200);
		// neither exp nor iat: valid for the maximum age from first sight
		// (TokenVerifierTest moves the clock)
		assertThat(api().get("/api/orders/my-orders", sign(timeless)).status()).isEqualTo(200);
	}

	@Test
	void pagesTheConversationList() {
		String token = this.customer.token();
		for (int i = 0; i < 3; i++) {
			assertThat(api().post("/api/orders", token, "{\"exchangeMethod\":\"cash\",\"amount\":10}").status())
				.isEqualTo(201);
		}

		assertThat(api().get("/api/conversations?limit=2", token).data()).hasSize(2);
		assertThat(api().get("/api/conversations?limit=2&offset=2", token).data()).hasSize(1);
		assertThat(api().get("/api/conversations", token).data()).hasSize(3);
		assertError(api().get("/api/conversations?limit=201", token), 400, "VALIDATION_FAILED");
		assertError(api().get("/api/conversations?limit=4294967306", token), 400, "VALIDATION_FAILED");
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String sign(JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

	static void assertError(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.body().path("success").asBoolean(true)).isFalse();
		assertThat(response.errorCode()).isEqualTo(code);
		assertThat(response.body().path("error").path("message").asString()).isNotBlank();
		// seed 000's clients read the message at the top (DIALECTS.md §1.1)
		assertThat(response.body().path("message").asString())
			.isEqualTo(response.body().path("error").path("message").asString());
	}

}
