package io.orderchat.shared.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated REST reference is complete: every endpoint the server maps under
 * {@code /api} and {@code /uploads} is in {@code /v3/api-docs} with its method, its
 * module's tag and the error envelope, and the guarded ones name the bearer token. A new
 * endpoint that springdoc cannot see (or hides) fails here.
 */
class ApiDocumentationIT extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointIsDocumentedWithItsErrorsAndAuthScheme() {
		Response docs = api().get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.body().path("paths");

		List<String> missing = new ArrayList<>();
		List<String> incomplete = new ArrayList<>();
		mapped().forEach((endpoint) -> {
			JsonNode operation = paths.path(endpoint.path()).path(endpoint.method());
			if (operation.isMissingNode()) {
				missing.add(endpoint.toString());
				return;
			}
			boolean guarded = endpoint.path().startsWith("/api/") && !endpoint.path().startsWith("/api/demo/");
			boolean complete = operation.path("tags").size() == 1
					&& operation.path("responses").path("403").path("content").toString().contains("schemas/Error")
					&& operation.path("security").toString().contains("bearerToken") == guarded;
			if (!complete) {
				incomplete.add(endpoint + " " + operation);
			}
		});

		assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
		assertThat(incomplete).as("endpoints without tag, error envelope or the right auth scheme").isEmpty();
		assertThat(mapped()).hasSizeGreaterThan(50);
	}

	@Test
	void theErrorEnvelopeListsEveryRestCodeAndTheAuthScheme() {
		Response docs = api().get("/v3/api-docs", null);
		JsonNode codes = docs.body()
			.path("components")
			.path("schemas")
			.path("Error")
			.path("properties")
			.path("error")
			.path("properties")
			.path("code")
			.path("enum");

		assertThat(codes.toString()).contains("VALIDATION_FAILED", "UNAUTHENTICATED", "RATE_LIMITED", "UNAVAILABLE");
		assertThat(docs.body().path("components").path("securitySchemes").path("bearerToken").path("scheme").asString())
			.isEqualTo("bearer");
	}

	@Test
	void swaggerUiIsServed() throws Exception {
		HttpResponse<String> page = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/swagger-ui.html")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

	private List<Endpoint> mapped() {
		List<Endpoint> endpoints = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String path : info.getPatternValues()) {
				if (path.startsWith("/api/") || path.startsWith("/uploads/")) {
					methods.forEach((method) -> endpoints.add(new Endpoint(method.name().toLowerCase(), path)));
				}
			}
		});
		return endpoints;
	}

	record Endpoint(String method, String path) {

		@Override
		public String toString() {
			return this.method.toUpperCase() + " " + this.path;
		}

	}

}
