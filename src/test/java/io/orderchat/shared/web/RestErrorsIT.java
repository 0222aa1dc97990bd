package io.orderchat.shared.web;

import java.time.Instant;

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

	static void assertError(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.body().path("success").asBoolean(true)).isFalse();
		assertThat(response.errorCode()).isEqualTo(code);
		assertThat(response.body().path("error").path("message").asString()).isNotBlank();
	}

}
