package io.orderchat.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.orderchat.identity.Role;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 finding 10: security headers on pages, scripts and REST; one origin setting
 * for REST CORS and the socket endpoint; no echo of whatever a preflight asks.
 */
@TestPropertySource(properties = "orderchat.web.allowed-origins=" + WebHardeningIT.ALLOWED)
class WebHardeningIT extends IntegrationTest {

	static final String ALLOWED = "https://shop.example";

	static final String OTHER = "https://evil.example";

	static final String HANDSHAKE = "/socket.io/?EIO=4&transport=polling";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesScriptsAndRestCarryTheSecurityHeaders() throws Exception {
		for (String path : new String[] { "/", "/index.html", "/js/app/main.js", "/chat.html", "/api/orders/my-orders",
				"/socket.io/socket.io.js", HANDSHAKE }) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());

			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'", "script-src 'self'",
						"frame-ancestors 'none'", "object-src 'none'"));
			assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
		}
	}

	/**
	 * Issue 18: the engine answers past Spring MVC's filters, whose HTTP observation was
	 * the costliest of them on every connect; REST is still observed.
	 */
	@Test
	void theSocketEndpointAnswersPastSpringsFilters() throws Exception {
		String before = scrape();
		for (int i = 0; i < 3; i++) {
			assertThat(send(HttpRequest.newBuilder(uri(HANDSHAKE)).GET()).statusCode()).isEqualTo(200);
		}
		send(HttpRequest.newBuilder(uri("/api/orders/my-orders")).GET());
		String after = scrape();

		assertThat(observed(after, "") - observed(before, "")).isEqualTo(1);
		assertThat(observed(after, "uri=\"/api/orders/my-orders\"") - observed(before, "uri=\"/api/orders/my-orders\""))
			.isEqualTo(1);
	}

	/** Requests the HTTP server observation counted, but for the scrapes themselves. */
	private double observed(String scrape, String label) {
		return scrape.lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count{") && line.contains(label)
					&& !line.contains("/actuator"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private String scrape() throws Exception {
		return send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET()).body();
	}

	@Test
	void pagesHaveNoInlineScriptOrStyleTheirPolicyWouldBlock() throws Exception {
		for (String page : new String[] { "/", "/chat.html" }) {
			String html = send(HttpRequest.newBuilder(uri(page)).GET()).body();

			assertThat(html).as(page).doesNotContain("<style", " style=", " onclick=", " onload=");
			assertThat(html.replaceAll("<script[^>]*\\bsrc=\"[^\"]+\"[^>]*></script>", "")).as(page)
				.doesNotContain("<script");
		}
	}

	@Test
	void restAnswersAPreflightFromTheAllowedOriginAndRefusesAnyOther() throws Exception {
		HttpResponse<String> allowed = send(preflight("/api/orders/my-orders", ALLOWED, "GET", "authorization"));

		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
			.contains("authorization");

		HttpResponse<String> other = send(preflight("/api/orders/my-orders", OTHER, "GET", "authorization"));

		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void restAnswersACrossOriginCallOnlyFromTheAllowedOrigin() throws Exception {
		String token = person("Carla Customer", Role.CUSTOMER).token();
		HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri("/api/orders/my-orders"))
			.header("Origin", ALLOWED)
			.header("Authorization", "Bearer " + token)
			.GET());
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);

		HttpResponse<String> other = send(HttpRequest.newBuilder(uri("/api/orders/my-orders"))
			.header("Origin", OTHER)
			.header("Authorization", "Bearer " + token)
			.GET());
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void theSocketEndpointAdmitsTheAllowedOriginAndItsOwnAndRefusesAnyOther() throws Exception {
		HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri(HANDSHAKE)).header("Origin", ALLOWED).GET());
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);

		String own = "http://127.0.0.1:" + this.port;
		HttpResponse<String> same = send(HttpRequest.newBuilder(uri(HANDSHAKE)).header("Origin", own).GET());
		assertThat(same.statusCode()).isEqualTo(200);

		HttpResponse<String> other = send(HttpRequest.newBuilder(uri(HANDSHAKE)).header("Origin", OTHER).GET());
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(other.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	/**
	 * Issue 18: WebSocket handshakes are answered in front of the servlet context
	 * (EngineUpgradeHandler), with the same headers and origin check as the servlet's.
	 */
	@Test
	void aWebSocketHandshakeCarriesTheSecurityHeadersAndTheOriginCheck() throws Exception {
		String allowed = webSocketHandshake(ALLOWED);
		assertThat(allowed).startsWith("HTTP/1.1 101");
		assertThat(allowed).containsIgnoringCase("Access-Control-Allow-Origin: " + ALLOWED)
			.containsIgnoringCase("X-Frame-Options: DENY")
			.containsIgnoringCase("X-Content-Type-Options: nosniff")
			.containsIgnoringCase("Referrer-Policy: no-referrer")
			.containsIgnoringCase("Content-Security-Policy: default-src 'self'");

		String other = webSocketHandshake(OTHER);
		assertThat(other).startsWith("HTTP/1.1 403");
		assertThat(other).doesNotContainIgnoringCase("Access-Control-Allow-Origin")
			.containsIgnoringCase("X-Frame-Options: DENY");
	}

	/** The head of the answer to a WebSocket upgrade of a new Engine.IO session. */
	private String webSocketHandshake(String origin) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			String request = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: " + origin + "\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			while (head.indexOf("\r\n\r\n") < 0) {
				int next = in.read();
				if (next < 0) {
					break;
				}
				head.append((char) next);
			}
			return head.toString();
		}
	}

	@Test
	void theSocketEndpointRefusesAPreflightFromAnotherOriginAndEchoesNoRequestedHeader() throws Exception {
		HttpResponse<String> other = send(preflight(HANDSHAKE, OTHER, "POST", "x-anything"));
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

		HttpResponse<String> allowed = send(preflight(HANDSHAKE, ALLOWED, "POST", "x-anything"));
		assertThat(allowed.statusCode()).isEqualTo(204);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
			.doesNotContainIgnoringCase("x-anything");
	}

	private HttpRequest.Builder preflight(String path, String origin, String method, String headers) {
		return HttpRequest.newBuilder(uri(path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", headers);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
