package io.orderchat.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A host app's webhook receiver on a free port, as docs/rest.md tells a host to write
 * one: it checks the signature and the timestamp's age, and answers 500 to the first
 * {@code failures} attempts of every delivery, then 200.
 */
final class Receiver implements AutoCloseable {

	/** One request as it came, and whether its signature was valid and fresh. */
	record Received(String deliveryId, String event, String body, boolean signatureValid) {
	}

	private final HttpServer server;

	private final String secret;

	private volatile int failures;

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	final List<Received> received = new CopyOnWriteArrayList<>();

	Receiver(String secret, int failures) {
		this.secret = secret;
		this.failures = failures;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/hook", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	void failFirst(int failures) {
		this.failures = failures;
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String delivery = exchange.getRequestHeaders().getFirst("X-OrderChat-Delivery");
		String signature = exchange.getRequestHeaders().getFirst("X-OrderChat-Signature");
		this.received.add(new Received(delivery, exchange.getRequestHeaders().getFirst("X-OrderChat-Event"),
				new String(body, StandardCharsets.UTF_8), verify(signature, body)));
		int attempt = this.attempts.computeIfAbsent(delivery, (id) -> new AtomicInteger()).incrementAndGet();
		int status = (attempt <= this.failures) ? 500 : 200;
		byte[] answer = ((status == 200) ? "ok" : "try again").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	/** As a host verifies: {@code t=<unix>,v1=<hex>}, at most 5 minutes old. */
	private boolean verify(String header, byte[] body) {
		if (header == null) {
			return false;
		}
		long t = -1;
		String v1 = null;
		for (String part : header.split(",")) {
			if (part.startsWith("t=")) {
				t = Long.parseLong(part.substring(2));
			}
			else if (part.startsWith("v1=")) {
				v1 = part.substring(3);
			}
		}
		boolean fresh = Math.abs(System.currentTimeMillis() / 1000 - t) <= 300;
		return fresh && v1 != null
				&& MessageDigest.isEqual(v1.getBytes(StandardCharsets.US_ASCII),
						hmacHex(this.secret, t + "." + new String(body, StandardCharsets.UTF_8))
							.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Computed here, not with the server's code: the test checks the documented scheme.
	 */
	static String hmacHex(String secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<Received> of(String event) {
		return this.received.stream().filter((r) -> event.equals(r.event())).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
