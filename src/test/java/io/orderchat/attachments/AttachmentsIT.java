package io.orderchat.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.MessagePosted;
import io.orderchat.conversations.MessageType;
import io.orderchat.identity.Role;
import io.orderchat.orders.ExternalOrder;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.Party;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AttachmentsIT extends IntegrationTest {

	static final Path storage = temporaryDirectory();

	static final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("orderchat.attachments.storage.directory", storage::toString);
	}

	@Autowired
	OrderManagement orders;

	@Autowired
	AttachmentService attachments;

	@Autowired
	JdbcClient jdbc;

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Pete Performer", Role.PERFORMER);

	final Person stranger = person("Xavier Stranger", Role.CUSTOMER);

	final Person admin = person("Ada Admin", Role.ADMIN);

	ConversationId conversation;

	String orderId;

	@BeforeEach
	void anOrderBetweenCustomerAndPerformer() {
		var order = this.orders
			.registerExternal(this.admin.caller(),
					new ExternalOrder("att-" + UUID.randomUUID(), new Party(this.customer.id(), this.customer.name()),
							new Party(this.performer.id(), this.performer.name()), null, null))
			.order();
		this.orderId = order.id().toString();
		this.conversation = order.conversationId();
	}

	@Test
	void acceptsAPngAndAPdfByTheirBytesAndServesThemToTheOtherParticipant() throws IOException {
		byte[] png = Multipart.Files.png(800, 600);
		byte[] pdf = Multipart.Files.pdf();

		Response uploaded = new Multipart()
			.file("attachments", "../../etc/holiday photo.PNG", "application/octet-stream", png)
			.file("attachments", "invoice.pdf", "application/pdf", pdf)
			.post(this.port, "/api/v1/chat/upload", this.customer.token());

		// seed 003's upload answers 200 (DIALECTS.md §4.3)
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
		JsonNode image = uploaded.data().get(0);
		JsonNode document = uploaded.data().get(1);
		assertThat(image.path("file_name").asString()).isEqualTo("holiday photo.png");
		assertThat(image.path("file_type").asString()).isEqualTo("image/png");
		assertThat(image.path("file_size").asLong()).isEqualTo(png.length);
		assertThat(image.path("file_url").asString())
			.isEqualTo("/uploads/chat-attachments/" + image.path("id").asString() + "/holiday%20photo.png");
		assertThat(image.path("thumbnail_url").asString()).endsWith("/thumbnail");
		assertThat(document.path("file_type").asString()).isEqualTo("application/pdf");
		assertThat(document.has("thumbnail_url")).isFalse();

		Response sent = api().post("/api/conversations/" + this.conversation + "/attachments", this.customer.token(),
				Api.json(Map.of("content", "the receipt", "attachments",
						List.of(image.path("id").asString(), document.path("id").asString()))));

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		JsonNode message = sent.data().path("message");
		assertThat(message.path("type").asString()).isEqualTo("file");
		assertThat(message.path("content").asString()).isEqualTo("the receipt");
		assertThat(message.path("metadata").path("attachments")).hasSize(2);
		HttpResponse<byte[]> file = download(image.path("file_url").asString(), this.performer.token(), null);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(png);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		HttpResponse<byte[]> thumbnail = download(image.path("thumbnail_url").asString(), this.performer.token(), null);
		assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/png");
		var preview = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
		assertThat(preview.getWidth()).isEqualTo(256);
		assertThat(preview.getHeight()).isEqualTo(192);
		HttpResponse<byte[]> invoice = download(document.path("file_url").asString(), this.performer.token(), null);
		assertThat(invoice.body()).isEqualTo(pdf);
		assertThat(invoice.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(invoice.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("invoice.pdf");
	}

	@Test
	void refusesAFileNamedPngWhoseBytesAreSomethingElse() {
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		byte[] binary = new byte[4096];
		new java.util.Random(7).nextBytes(binary);
		binary[0] = 0x7f;

		Response script = new Multipart().file("attachments", "cat.png", "image/png", html)
			.post(this.port, "/api/v1/chat/upload", this.customer.token());
		Response noise = new Multipart().file("attachments", "cat.png", "image/png", binary)
			.post(this.port, "/api/conversations/" + this.conversation + "/attachments", this.customer.token());
		Response exe = new Multipart()
			.file("attachments", "setup.pdf", "application/pdf",
					"MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1))
			.post(this.port, "/api/v1/chat/upload", this.customer.token());

		// seed 003's upload refuses a type with 400 and its error envelope (DIALECTS.md
		// §4.3); OrderChat's own paths with 415
		assertThat(script.status()).as(script.toString()).isEqualTo(400);
		assertThat(script.errorCode()).isEqualTo("UNSUPPORTED_FILE_TYPE");
		assertThat(script.body().path("error").asString()).contains("text/html");
		assertThat(noise.status()).isEqualTo(415);
		assertThat(exe.status()).isEqualTo(400);
		assertThat(storedFiles()).isEmpty();
	}

	@Test
	void holdsTheSizeAndCountLimits() {
		byte[] tenMegabytes = new byte[10 * 1024 * 1024];
		Arrays.fill(tenMegabytes, (byte) 'a');
		byte[] oneByteMore = Arrays.copyOf(tenMegabytes, tenMegabytes.length + 1);
		oneByteMore[oneByteMore.length - 1] = 'a';
		Multipart six = new Multipart();
		for (int i = 0; i < 6; i++) {
			six.file("attachments", "p" + i + ".png", "image/png", Multipart.Files.png(10, 10));
		}
		Multipart five = new Multipart();
		for (int i = 0; i < 5; i++) {
			five.file("attachments", "p" + i + ".png", "image/png", Multipart.Files.png(10, 10));
		}

		Response tooMany = six.post(this.port, "/api/v1/chat/upload", this.customer.token());
		Response tooLarge = new Multipart().file("attachments", "big.txt", "text/plain", oneByteMore)
			.post(this.port, "/api/v1/chat/upload", this.customer.token());
		Response tooLargeAmongSmall = new Multipart()
			.file("attachments", "ok.png", "image/png", Multipart.Files.png(10, 10))
			.file("attachments", "big.txt", "text/plain", oneByteMore)
			.post(this.port, "/api/conversations/" + this.conversation + "/attachments", this.customer.token());
		assertThat(storedFiles()).isEmpty();
		Response largest = new Multipart().file("attachments", "big.txt", "text/plain", tenMegabytes)
			.post(this.port, "/api/v1/chat/upload", this.customer.token());
		Response most = five.post(this.port, "/api/v1/chat/upload", this.customer.token());

		assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
		assertThat(tooMany.errorCode()).isEqualTo("TOO_MANY_FILES");
		assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
		assertThat(tooLarge.errorCode()).isEqualTo("FILE_TOO_LARGE");
		assertThat(tooLargeAmongSmall.status()).isEqualTo(413);
		assertThat(largest.status()).as(largest.toString()).isEqualTo(200);
		assertThat(largest.data().get(0).path("file_size").asLong()).isEqualTo(tenMegabytes.length);
		assertThat(most.status()).isEqualTo(200);
		assertThat(most.data()).hasSize(5);
	}

	@Test
	void aStrangerCannotDownloadAndNeitherCanAnyoneWithoutAToken() {
		JsonNode file = sendImage(this.customer, "secret.png").path("metadata").path("attachments").get(0);
		String url = file.path("file_url").asString();

		assertThat(download(url, this.stranger.token(), null).statusCode()).isEqualTo(403);
		assertThat(download(file.path("thumbnail_url").asString(), this.stranger.token(), null).statusCode())
			.isEqualTo(403);
		assertThat(download(url, null, null).statusCode()).isEqualTo(401);
		assertThat(download(url + "?token=not-a-jwt", null, null).statusCode()).isEqualTo(401);
		assertThat(download(url + "?token=" + this.performer.token(), null, null).statusCode()).isEqualTo(200);
		assertThat(download(url, this.admin.token(), null).statusCode()).isEqualTo(200);
		assertThat(download("/uploads/chat-attachments/" + UUID.randomUUID() + "/x.png", this.customer.token(), null)
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aSignedLinkWorksWithoutATokenUntilTamperedWith() {
		String id = sendImage(this.customer, "a.png").path("metadata").path("attachments").get(0).path("id").asString();

		Response strangerAsks = api().get("/api/attachments/" + id, this.stranger.token());
		Response links = api().get("/api/attachments/" + id, this.performer.token());

		assertThat(strangerAsks.status()).isEqualTo(403);
		assertThat(links.status()).as(links.toString()).isEqualTo(200);
		String signed = links.data().path("signedUrl").asString();
		assertThat(download(signed, null, null).statusCode()).isEqualTo(200);
		assertThat(download(links.data().path("signedThumbnailUrl").asString(), null, null).statusCode())
			.isEqualTo(200);
		assertThat(download(signed.replaceFirst("expires=\\d+", "expires=9999999999"), null, null).statusCode())
			.isEqualTo(403);
		assertThat(download(signed.replace("/a.png", "/thumbnail"), null, null).statusCode()).isEqualTo(403);
	}

	@Test
	void aPreUploadIsOnlyTheUploadersUntilSentAndIsSentOnce() {
		String id = new Multipart().file("attachments", "draft.pdf", "application/pdf", Multipart.Files.pdf())
			.post(this.port, "/api/v1/chat/upload", this.customer.token())
			.data()
			.get(0)
			.path("id")
			.asString();
		String url = "/uploads/chat-attachments/" + id + "/draft.pdf";

		assertThat(download(url, this.performer.token(), null).statusCode()).isEqualTo(403);
		assertThat(download(url, this.customer.token(), null).statusCode()).isEqualTo(200);
		Response stolen = api().post("/api/conversations/" + this.conversation + "/attachments", this.performer.token(),
				Api.json(Map.of("attachments", List.of(id))));
		assertThat(stolen.status()).isEqualTo(404);
		Response sent = api().post("/api/conversations/" + this.conversation + "/attachments", this.customer.token(),
				Api.json(Map.of("attachments", List.of(id), "clientId", "once")));
		Response resent = api().post("/api/conversations/" + this.conversation + "/attachments", this.customer.token(),
				Api.json(Map.of("attachments", List.of(id), "clientId", "once")));
		Response again = api().post("/api/conversations/" + this.conversation + "/attachments", this.customer.token(),
				Api.json(Map.of("attachments", List.of(id))));

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.data().path("message").path("type").asString()).isEqualTo("file");
		assertThat(resent.status()).isEqualTo(200);
		assertThat(resent.data().path("duplicate").asBoolean()).isTrue();
		assertThat(again.status()).isEqualTo(409);
		assertThat(download(url, this.performer.token(), null).statusCode()).isEqualTo(200);
	}

	@Test
	void preUploadsNobodySentAreSweptWithTheirFiles() {
		String id = new Multipart().file("attachments", "forgotten.png", "image/png", Multipart.Files.png(30, 30))
			.post(this.port, "/api/v1/chat/upload", this.customer.token())
			.data()
			.get(0)
			.path("id")
			.asString();
		List<Path> files = storedFiles();
		assertThat(files).hasSize(2);
		this.jdbc.sql("UPDATE attachments SET created_at = created_at - INTERVAL '2' DAY WHERE id = ?")
			.param(UUID.fromString(id))
			.update();

		assertThat(this.attachments.sweepPending()).isGreaterThanOrEqualTo(1);

		assertThat(files).noneMatch(Files::exists);
		assertThat(rowsOf(this.customer)).isZero();
	}

	@Test
	void sendsAnImageMessageInOneMultipartRequestAndRefusesAStranger() {
		Response stranger = new Multipart().field("content", "hi")
			.file("attachments", "x.png", "image/png", Multipart.Files.png(20, 20))
			.post(this.port, "/api/conversations/" + this.conversation + "/attachments", this.stranger.token());

		JsonNode message = sendImage(this.customer, "look.png");

		assertThat(stranger.status()).isEqualTo(403);
		assertThat(message.path("type").asString()).isEqualTo("image");
		assertThat(message.path("content").asString()).isEqualTo("look at this");
		assertThat(this.events.of(MessagePosted.class))
			.anySatisfy((posted) -> assertThat(posted.message().type()).isEqualTo(MessageType.IMAGE));
		assertThat(storedFiles())
			.allSatisfy((path) -> assertThat(path.getFileName().toString()).doesNotContain(this.stranger.id()));
		assertThat(rowsOf(this.stranger)).isZero();
	}

	@Test
	void seedThreesSessionMessageTakesContentTypeAndFiles() {
		Response sent = new Multipart().field("content", "Check this screenshot")
			.field("message_type", "image")
			.field("temp_id", "tmp-1")
			.file("attachments", "screenshot.png", "image/png", Multipart.Files.png(40, 30))
			.file("attachments", "photo.jpg", "image/jpeg", Multipart.Files.jpeg(40, 30))
			.post(this.port, "/api/v1/chat/sessions/" + this.conversation + "/messages", this.customer.token());

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.data().path("content").asString()).isEqualTo("Check this screenshot");
		assertThat(sent.data().path("message_type").asString()).isEqualTo("image");
		assertThat(sent.data().path("temp_id").asString()).isEqualTo("tmp-1");
		assertThat(sent.data().path("attachments").get(0).path("file_name").asString()).isEqualTo("screenshot.png");
		assertThat(sent.data().path("attachments").get(1).path("file_type").asString()).isEqualTo("image/jpeg");
	}

	@Test
	void deletingTheMessageDeletesItsFiles() {
		JsonNode message = sendImage(this.customer, "gone.png");
		String url = message.path("metadata").path("attachments").get(0).path("file_url").asString();
		List<Path> before = storedFiles();
		assertThat(before).hasSize(2);

		Response deleted = api().delete("/api/messages/" + message.path("id").asString(), this.customer.token());

		assertThat(deleted.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(before).noneMatch(Files::exists));
		assertThat(download(url, this.customer.token(), null).statusCode()).isEqualTo(404);
	}

	@Test
	void cleaningAConversationRemovesItsFilesFromDiskAndCountsTheImages() {
		sendImage(this.customer, "one.png");
		sendImage(this.performer, "two.png");
		new Multipart().file("attachments", "doc.pdf", "application/pdf", Multipart.Files.pdf())
			.post(this.port, "/api/conversations/" + this.conversation + "/attachments", this.customer.token());
		List<Path> before = storedFiles();
		assertThat(before).hasSize(5);
		assertThat(this.attachments.countImagesOf(this.conversation)).isEqualTo(2);

		AttachmentService.RemovedFiles removed = this.attachments.deleteFilesOf(this.conversation);

		assertThat(removed).isEqualTo(new AttachmentService.RemovedFiles(3, 2));
		assertThat(before).noneMatch(Files::exists);
		assertThat(this.attachments.countImagesOf(this.conversation)).isZero();
	}

	@Test
	void aModeratorsCleanOfTheHistoryDeletesItsFilesFromDisk() {
		Person moderator = person("Mona Moderator", Role.MODERATOR);
		assertThat(api().post("/api/orders/" + this.orderId + "/accept", moderator.token(), null).status())
			.isEqualTo(200);
		sendImage(this.customer, "one.png");
		sendImage(this.performer, "two.png");
		List<Path> before = storedFiles();
		assertThat(before).hasSize(4);

		Response cleaned = api().post("/api/conversations/" + this.conversation + "/clean", moderator.token(), null);

		assertThat(cleaned.status()).as(cleaned.toString()).isEqualTo(200);
		assertThat(cleaned.data().path("imagesDeleted").asInt()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(before).noneMatch(Files::exists));
		assertThat(this.attachments.countImagesOf(this.conversation)).isZero();
	}

	@Test
	void anInterruptedUploadLeavesNothingBehind() throws Exception {
		byte[] png = Multipart.Files.png(400, 400);
		Multipart multipart = new Multipart().file("attachments", "half.png", "image/png", png);
		byte[] body = multipart.bytes();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/chat/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
					+ this.customer.token() + "\r\nContent-Type: " + multipart.contentType() + "\r\nContent-Length: "
					+ (body.length + 1_000_000) + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body, 0, body.length / 2);
			out.flush();
		}

		Thread.sleep(500);
		assertThat(storedFiles()).isEmpty();
		assertThat(rowsOf(this.customer)).isZero();
	}

	@Test
	void aFileLongerThanItDeclaredStopsAtTheLimitAndLeavesNothing() {
		long limit = 10L * 1024 * 1024;
		IncomingFile liar = new IncomingFile("notes.txt", 100,
				() -> new java.io.SequenceInputStream(new ByteArrayInputStream("plain text ".getBytes()),
						new java.io.InputStream() {
							long served;

							@Override
							public int read() {
								return (this.served++ < 2 * limit) ? 'x' : -1;
							}
						}));

		assertThatThrownBy(() -> this.attachments.upload(this.customer.caller(), List.of(liar))).isInstanceOfSatisfying(
				DomainException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE));
		assertThat(storedFiles()).isEmpty();
		assertThat(rowsOf(this.customer)).isZero();
	}

	@Test
	void socketImagesHaveTheirOwnLimits() {
		byte[] gif = Multipart.Files.gif(30, 30);
		byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
		byte[] overFive = Arrays.copyOf(Multipart.Files.png(10, 10), 5 * 1024 * 1024 + 1);

		var sent = this.attachments.sendImage(this.customer.caller(), this.conversation, gif, null, "img-1");

		assertThat(sent.message().type()).isEqualTo(MessageType.IMAGE);
		assertThat(sent.message().metadata().get("attachments"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSize(1);
		assertThatThrownBy(
				() -> this.attachments.sendImage(this.customer.caller(), this.conversation, webp, "a.webp", null))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNSUPPORTED_FILE_TYPE));
		assertThatThrownBy(
				() -> this.attachments.sendImage(this.customer.caller(), this.conversation, overFive, "b.png", null))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE));
		assertThatThrownBy(() -> this.attachments.sendImage(this.stranger.caller(), this.conversation, gif, null, null))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
		assertThat(storedFiles()).hasSize(2);
	}

	@Test
	void refusesImageAndFileTypesWithoutFilesOnThePlainSend() {
		Response image = api().post("/api/conversations/" + this.conversation + "/messages", this.customer.token(),
				"{\"content\":\"hi\",\"type\":\"image\"}");
		Response spoofed = api().post("/api/conversations/" + this.conversation + "/messages", this.customer.token(),
				Api.json(Map.of("content", "hi", "metadata",
						Map.of("attachments", List.of(Map.of("file_url", "https://evil.example/x.exe"))))));
		Response empty = new Multipart().field("content", "nothing attached")
			.post(this.port, "/api/conversations/" + this.conversation + "/attachments", this.customer.token());

		assertThat(image.status()).isEqualTo(400);
		assertThat(image.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(spoofed.status()).isEqualTo(400);
		assertThat(empty.status()).isEqualTo(400);
	}

	private JsonNode sendImage(Person sender, String name) {
		Response sent = new Multipart().field("content", "look at this")
			.file("attachments", name, "image/png", Multipart.Files.png(300, 200))
			.post(this.port, "/api/conversations/" + this.conversation + "/attachments", sender.token());
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return sent.data().path("message");
	}

	private long rowsOf(Person person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM attachments WHERE uploader_id = ?")
			.param(person.id())
			.query(Long.class)
			.single();
	}

	/** Every file in the store that belongs to this test's conversation or users. */
	private List<Path> storedFiles() {
		List<String> keys = this.jdbc
			.sql("SELECT storage_key FROM attachments WHERE conversation_id = ? OR uploader_id IN (?, ?, ?) "
					+ "UNION SELECT thumbnail_key FROM attachments WHERE thumbnail_key IS NOT NULL AND "
					+ "(conversation_id = ? OR uploader_id IN (?, ?, ?))")
			.params(this.conversation.value(), this.customer.id(), this.performer.id(), this.stranger.id(),
					this.conversation.value(), this.customer.id(), this.performer.id(), this.stranger.id())
			.query(String.class)
			.list();
		List<Path> files = keys.stream().map(storage::resolve).filter(Files::exists).toList();
		return Stream.concat(files.stream(), strayFiles().stream()).toList();
	}

	/** Files in the store that no row knows (what a failed upload would leave). */
	private List<Path> strayFiles() {
		List<String> known = this.jdbc
			.sql("SELECT storage_key FROM attachments UNION SELECT thumbnail_key FROM "
					+ "attachments WHERE thumbnail_key IS NOT NULL")
			.query(String.class)
			.list();
		try (Stream<Path> all = Files.walk(storage)) {
			return all.filter(Files::isRegularFile)
				.filter((path) -> !known.contains(storage.relativize(path).toString().replace('\\', '/')))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpResponse<byte[]> download(String path, String token, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("orderchat-attachments-it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
