package io.orderchat.attachments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 store against a tiny in-process stand-in for an S3-compatible server (PUT, GET,
 * HEAD, DELETE of objects, path-style): the contract, and the requests the SDK is made to
 * send.
 */
class S3BlobStoreTest extends BlobStoreContract {

	HttpServer server;

	final Map<String, byte[]> objects = new ConcurrentHashMap<>();

	final List<String> requests = new CopyOnWriteArrayList<>();

	S3BlobStore store;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		// A thread per exchange: an aborted upload's handler may wait on its body a
		// while.
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.start();
		this.store = BlobStoreConfiguration.s3(new AttachmentProperties.S3("chat-bucket", "eu-central-1",
				"http://127.0.0.1:" + this.server.getAddress().getPort(), true, "test-access", "test-secret",
				"orderchat/"));
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Override
	BlobStore store() {
		return this.store;
	}

	@Override
	long storedObjects() {
		return this.objects.size();
	}

	@Test
	void sendsSignedPathStyleRequestsUnderThePrefixWithTheContentType() throws IOException {
		byte[] pdf = Multipart.Files.pdf();

		this.store.put("ab/doc.pdf", new ByteArrayInputStream(pdf), pdf.length, "application/pdf");

		assertThat(this.requests).anySatisfy((request) -> assertThat(request)
			.startsWith("PUT /chat-bucket/orderchat/ab/doc.pdf content-type=application/pdf")
			.contains("AWS4-HMAC-SHA256 Credential=test-access/")
			.contains("/eu-central-1/s3/aws4_request"));
		assertThat(this.objects.get("/chat-bucket/orderchat/ab/doc.pdf")).isEqualTo(pdf);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.requests.add(exchange.getRequestMethod() + " " + path + " content-type="
				+ exchange.getRequestHeaders().getFirst("Content-Type") + " "
				+ exchange.getRequestHeaders().getFirst("Authorization"));
		try (exchange) {
			switch (exchange.getRequestMethod()) {
				case "PUT" -> put(exchange, path);
				case "GET", "HEAD" -> get(exchange, path);
				case "DELETE" -> {
					this.objects.remove(path);
					exchange.sendResponseHeaders(204, -1);
				}
				default -> exchange.sendResponseHeaders(405, -1);
			}
		}
	}

	private void put(HttpExchange exchange, String path) throws IOException {
		byte[] body;
		try {
			body = body(exchange);
		}
		catch (IOException ex) {
			// The client gave up halfway: like S3, keep nothing.
			return;
		}
		this.objects.put(path, body);
		exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
		exchange.sendResponseHeaders(200, -1);
	}

	private void get(HttpExchange exchange, String path) throws IOException {
		byte[] object = this.objects.get(path);
		boolean head = exchange.getRequestMethod().equals("HEAD");
		if (object == null) {
			byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
					+ "<Message>The specified key does not exist.</Message></Error>")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/xml");
			exchange.sendResponseHeaders(404, head ? -1 : error.length);
			if (!head) {
				exchange.getResponseBody().write(error);
			}
			return;
		}
		exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
		exchange.getResponseHeaders().add("Content-Length", String.valueOf(object.length));
		exchange.sendResponseHeaders(200, head ? -1 : object.length);
		if (!head) {
			exchange.getResponseBody().write(object);
		}
	}

	/**
	 * The object's bytes: the body as sent, or decoded from {@code aws-chunked} (what the
	 * SDK sends over plain HTTP, each chunk signed).
	 */
	private static byte[] body(HttpExchange exchange) throws IOException {
		String declared = exchange.getRequestHeaders().getFirst("Content-Length");
		InputStream in = exchange.getRequestBody();
		byte[] raw = in.readAllBytes();
		if (declared != null && raw.length != Long.parseLong(declared)) {
			throw new IOException("short body");
		}
		String decoded = exchange.getRequestHeaders().getFirst("x-amz-decoded-content-length");
		if (decoded == null) {
			return raw;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (true) {
			int lineEnd = indexOf(raw, at);
			String header = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
			int size = Integer.parseInt(header.split(";", 2)[0], 16);
			at = lineEnd + 2;
			if (size == 0) {
				break;
			}
			out.write(raw, at, size);
			at += size + 2;
		}
		if (out.size() != Long.parseLong(decoded)) {
			throw new IOException("short body");
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, int from) throws IOException {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		throw new IOException("short body");
	}

}
