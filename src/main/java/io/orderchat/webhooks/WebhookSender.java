package io.orderchat.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * Sends one attempt with the JDK's HttpClient: HTTP/1.1, bounded connect and read times,
 * redirects not followed (a signed delivery goes to the registered URL only), at most 1
 * KB of the answer read (for the delivery log).
 */
@Component
class WebhookSender {

	static final String DELIVERY_HEADER = "X-OrderChat-Delivery";

	static final String EVENT_HEADER = "X-OrderChat-Event";

	private static final int ANSWER_KEPT = 1024;

	private final HttpClient http;

	private final WebhookProperties properties;

	private final Clock clock;

	WebhookSender(WebhookProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** What an attempt came to: a status code (0 when none came) and an error, if any. */
	record Result(int statusCode, String error) {

		boolean delivered() {
			return this.error == null;
		}

	}

	Result send(Deliveries.Claimed delivery) {
		byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
		long now = this.clock.instant().getEpochSecond();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
				.timeout(this.properties.readTimeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "OrderChat-Webhooks/1")
				.header(DELIVERY_HEADER, delivery.id().toString())
				.header(EVENT_HEADER, delivery.event().wire())
				.header(Signature.HEADER, Signature.header(delivery.secret(), now, body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			// the whole exchange, the answer's body included, within the read timeout
			CompletableFuture<HttpResponse<String>> exchange = this.http.sendAsync(request,
					(info) -> HttpResponse.BodySubscribers.fromSubscriber(new FirstBytes(ANSWER_KEPT),
							FirstBytes::text));
			HttpResponse<String> response;
			try {
				response = exchange.get(this.properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				exchange.cancel(true);
				return new Result(0, "no answer within the read timeout");
			}
			String answer = response.body();
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return new Result(status, null);
			}
			return new Result(status, "HTTP " + status + (answer.isBlank() ? "" : ": " + answer.strip()));
		}
		catch (ExecutionException ex) {
			return new Result(0, describe((ex.getCause() != null) ? ex.getCause() : ex));
		}
		catch (IllegalArgumentException ex) {
			return new Result(0, describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(0, "interrupted");
		}
	}

	private static String describe(Throwable failure) {
		return failure.getClass().getSimpleName() + ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
	}

}
