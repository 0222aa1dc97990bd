package io.orderchat.identity;

import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default without host keys: the demo issuer lets a new user try everything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orderchat.identity.jwt-secret=", "orderchat.identity.jwks-url=" })
class DemoIssuerIT {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.Settings database = TestDatabase.get();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	@Test
	void issuesTokensForTheDemoUsersThatTheApiAccepts() {
		Api api = new Api(this.port);

		Response users = api.get("/api/demo/users", null);
		assertThat(users.status()).isEqualTo(200);
		assertThat(users.data().toString()).contains("demo-customer", "demo-performer", "demo-moderator",
				"demo-moderator2", "demo-support", "demo-admin");

		Response issued = api.post("/api/demo/token", null, "{\"userId\":\"demo-customer\"}");
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		assertThat(issued.data().path("user").path("name").asString()).isEqualTo("Carla Customer");
		assertThat(issued.data().path("user").path("role").asString()).isEqualTo("customer");
		String token = issued.data().path("token").asString();

		Response created = api.post("/api/orders", token, "{\"exchangeMethod\":\"cash\",\"amount\":5}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.data().path("order").path("customerId").asString()).isEqualTo("demo-customer");

		assertThat(api.post("/api/demo/token", null, "{\"userId\":\"nobody\"}").status()).isEqualTo(404);
		assertThat(api.post("/api/demo/token", null, "{}").status()).isEqualTo(400);
	}

}
