package io.orderchat.transcripts;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import io.orderchat.attachments.AttachmentService;
import io.orderchat.attachments.IncomingFile;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Message;
import io.orderchat.conversations.Messaging;
import io.orderchat.conversations.MessageType;
import io.orderchat.conversations.NewMessage;
import io.orderchat.identity.Role;
import io.orderchat.orders.ExternalOrder;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.Party;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transcript export over REST against PostgreSQL: every format carries the whole history
 * as its reader may see it (notes for staff only, tombstones without content), escapes
 * what it must, and a long conversation is read page by page.
 */
class TranscriptExportIT extends IntegrationTest {

	static final String QUOTED = "Price: 1,200 \"net\"\nsecond line";

	static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

	static final String SCRIPT = "<script>alert('x')</script>";

	static final String NOTE = "internal: customer seems upset";

	static final String DELETED = "oops, wrong chat";

	static final String FILE_NAME = "final report.txt";

	/** SecurityHeaders' policy for every other answer: no inline style. */
	static final String SERVER_WIDE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Messaging messaging;

	@Autowired
	AttachmentService attachments;

	@Autowired
	OrderManagement orders;

	@Autowired
	TranscriptExport export;

	@Autowired
	JsonMapper mapper;

	@Autowired
	JdbcClient jdbc;

	final Person customer = person("Hana Customer", Role.CUSTOMER);

	final Person performer = person("Paul Performer", Role.PERFORMER);

	final Person stranger = person("Sid Stranger", Role.CUSTOMER);

	final Person admin = person("Ari Admin", Role.ADMIN);

	ConversationId conversation;

	@BeforeEach
	void anOrderChatWithEveryKindOfMessage() {
		this.conversation = newOrderChat();
		// seq 1: the order's system message
		send(this.customer, QUOTED); // 2
		send(this.customer, FORMULA); // 3
		this.messaging.send(this.performer.caller(), this.conversation,
				new NewMessage(MessageType.TEXT, SCRIPT, null, null, 2L)); // 4, a reply
																			// to 2
		this.messaging.addNote(this.admin.caller(), this.conversation, NOTE); // 5
		Message deleted = send(this.performer, DELETED); // 6
		this.messaging.delete(this.performer.caller(), deleted.id());
		this.attachments.sendFiles(this.customer.caller(), this.conversation, "the report", null,
				List.of(IncomingFile.of(FILE_NAME, "plain text\n".getBytes(StandardCharsets.UTF_8)))); // 7
	}

	@Test
	void jsonHasEveryMessageInOrderAndTheNoteOnlyForStaff() throws Exception {
		HttpResponse<byte[]> participant = download("json", this.customer);
		assertThat(participant.statusCode()).isEqualTo(200);
		assertThat(participant.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(participant.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"conversation-" + this.conversation + ".json\"");
		JsonNode messages = this.mapper.readTree(participant.body());
		assertThat(seqs(messages)).containsExactly(1L, 2L, 3L, 4L, 6L, 7L);
		assertThat(messages.get(0).path("type").asString()).isEqualTo("system");
		assertThat(messages.get(0).path("sender").isNull()).isTrue();
		assertThat(messages.get(1).path("content").asString()).isEqualTo(QUOTED);
		assertThat(messages.get(1).path("sender").path("id").asString()).isEqualTo(this.customer.id());
		assertThat(messages.get(1).path("sender").path("name").asString()).isEqualTo("Hana Customer");
		assertThat(messages.get(1).path("sender").path("role").asString()).isEqualTo("customer");
		assertThat(messages.get(1).path("time").asString()).endsWith("Z");
		assertThat(messages.get(1).path("replyTo").isNull()).isTrue();
		assertThat(messages.get(3).path("replyTo").asLong()).isEqualTo(2);
		JsonNode tombstone = messages.get(4);
		assertThat(tombstone.path("deleted").asBoolean()).isTrue();
		assertThat(tombstone.path("content").isNull()).isTrue();
		JsonNode file = messages.get(5).path("attachments").get(0);
		assertThat(file.path("name").asString()).isEqualTo(FILE_NAME);
		assertThat(file.path("url").asString()).startsWith("http://").contains("/uploads/chat-attachments/");
		assertThat(file.path("download").asString()).contains("signature=");
		assertThat(new String(participant.body(), StandardCharsets.UTF_8)).doesNotContain(NOTE, DELETED);
		// the signed link opens the file without a token
		HttpResponse<String> fetched = http.send(
				HttpRequest.newBuilder(URI.create(file.path("download").asString())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(fetched.body()).isEqualTo("plain text\n");

		JsonNode staff = this.mapper.readTree(download("json", this.admin).body());
		assertThat(seqs(staff)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
		assertThat(staff.get(4).path("content").asString()).isEqualTo(NOTE);
		assertThat(staff.get(4).path("internalNote").asBoolean()).isTrue();
		assertThat(staff.get(3).path("internalNote").asBoolean()).isFalse();
	}

	@Test
	void csvQuotesByRfc4180AndNeutralisesFormulas() throws Exception {
		HttpResponse<byte[]> response = download("csv", this.customer);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
			.isEqualToIgnoringCase("text/csv;charset=utf-8");
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"conversation-" + this.conversation + ".csv\"");
		String text = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFseq,time,sender_id,sender_name,sender_role,type,internal_note,deleted,"
				+ "content,attachments,reply_to\r\n");
		List<List<String>> rows = Rfc4180.parse(text.substring(1));
		assertThat(rows).hasSize(1 + 6);
		assertThat(rows.stream().skip(1).map((row) -> row.get(0))).containsExactly("1", "2", "3", "4", "6", "7");
		assertThat(rows.get(2).get(8)).isEqualTo(QUOTED);
		assertThat(rows.get(3).get(8)).isEqualTo("'" + FORMULA);
		assertThat(rows.get(5).get(7)).isEqualTo("true");
		assertThat(rows.get(5).get(8)).isEmpty();
		assertThat(rows.get(6).get(9)).startsWith(FILE_NAME + " http://").contains("signature=");
		assertThat(rows.get(4).get(10)).isEqualTo("2");
		assertThat(rows.get(2).get(10)).isEmpty();
		assertThat(text).doesNotContain(NOTE);

		List<List<String>> staff = Rfc4180
			.parse(new String(download("csv", this.admin).body(), StandardCharsets.UTF_8).substring(1));
		assertThat(staff.get(5).get(8)).isEqualTo(NOTE);
		assertThat(staff.get(5).get(6)).isEqualTo("true");
	}

	@Test
	void htmlIsSelfContainedEscapedAndAllowedOnlyItsOwnStyle() throws Exception {
		HttpResponse<byte[]> response = download("html", this.customer);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
			.isEqualToIgnoringCase("text/html;charset=utf-8");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValue(HtmlTranscript.CONTENT_SECURITY_POLICY);
		assertThat(HtmlTranscript.CONTENT_SECURITY_POLICY).contains("default-src 'none'", "style-src 'sha256-")
			.doesNotContain("script-src");
		String html = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(html).doesNotContain("<script", NOTE, DELETED, "src=", "<link")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Hana Customer", "Paul Performer", FILE_NAME,
					"Message deleted", "@media print")
			.endsWith("</html>\n");
		String staff = new String(download("html", this.admin).body(), StandardCharsets.UTF_8);
		assertThat(staff).contains("Internal note", NOTE);
	}

	/**
	 * Chromium opens the page as the server sent it (body and policy, replayed from a
	 * local server because a browser cannot send the token) and prints it; the same page
	 * under the server-wide policy shows that Chromium reports a blocked inline style.
	 */
	@Test
	void chromiumRendersAndPrintsTheHtmlUnderItsOwnPolicy(@TempDir Path dir) throws Exception {
		String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
		assertThat(new File(chromium)).as("Chromium; bin/chromium installs it").canRead();
		HttpResponse<byte[]> export = download("html", this.admin);
		String policy = export.headers().firstValue("Content-Security-Policy").orElseThrow();
		HttpServer replay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		replay.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.getResponseHeaders()
				.add("Content-Security-Policy",
						exchange.getRequestURI().getPath().equals("/export") ? policy : SERVER_WIDE_POLICY);
			exchange.sendResponseHeaders(200, export.body().length);
			exchange.getResponseBody().write(export.body());
			exchange.close();
		});
		replay.start();
		try {
			String base = "http://127.0.0.1:" + replay.getAddress().getPort();
			Printed printed = print(chromium, base + "/export", dir.resolve("export.pdf"));
			assertThat(printed.log()).doesNotContain("Content Security Policy");
			assertThat(printed.pdf()).startsWith("%PDF");
			assertThat(print(chromium, base + "/under-server-policy", dir.resolve("control.pdf")).log())
				.contains("Content Security Policy directive 'style-src 'self''");
		}
		finally {
			replay.stop(0);
		}
	}

	@Test
	void refusesAStrangerAnUnknownFormatAndNoToken() throws Exception {
		assertThat(download("json", this.stranger).statusCode()).isEqualTo(403);
		assertThat(download("csv", this.stranger).statusCode()).isEqualTo(403);
		assertThat(api().get("/api/conversations/" + UUID.randomUUID() + "/export", this.admin.token()).status())
			.isEqualTo(404);
		var unknown = api().get("/api/conversations/" + this.conversation + "/export?format=pdf",
				this.customer.token());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(api().get("/api/conversations/" + this.conversation + "/export", null).status()).isEqualTo(401);
	}

	@Test
	void exportsALongConversationCompletelyInOrderPageByPage() throws Exception {
		ConversationId big = newOrderChat();
		this.jdbc
			.sql("INSERT INTO messages (id, conversation_id, seq, type, content, sender_id, sender_name, sender_role, "
					+ "created_at) SELECT gen_random_uuid(), ?, s, 'text', 'bulk ' || s, ?, 'Hana Customer', "
					+ "'customer', now() FROM generate_series(2, 5001) s")
			.params(big.value(), this.customer.id())
			.update();
		this.jdbc.sql("UPDATE conversations SET last_seq = 5001 WHERE id = ?").param(big.value()).update();

		JsonNode messages = this.mapper.readTree(download(big, "json", this.customer).body());
		List<Long> seqs = seqs(messages);
		assertThat(seqs).hasSize(5001).isSorted();
		assertThat(seqs.getFirst()).isEqualTo(1L);
		assertThat(seqs.getLast()).isEqualTo(5001L);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TranscriptExport.Exported exported = this.export.write(this.customer.caller(),
				this.export.open(this.customer.caller(), big), ExportFormat.CSV, "http://localhost", out);
		assertThat(exported.messages()).isEqualTo(5001);
		assertThat(exported.pages()).isEqualTo(11); // 500 at a time
	}

	private static Printed print(String chromium, String url, Path pdf) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
				"--enable-logging=stderr", "--v=0", "--print-to-pdf=" + pdf, url)
			.redirectErrorStream(true)
			.start();
		String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(log).isTrue();
		assertThat(pdf).as(log).exists();
		byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 4);
		return new Printed(log, new String(head, StandardCharsets.ISO_8859_1));
	}

	/** Chromium's console and log, and the first bytes of the PDF it printed. */
	private record Printed(String log, String pdf) {
	}

	private ConversationId newOrderChat() {
		return this.orders
			.registerExternal(this.admin.caller(),
					new ExternalOrder("export-" + UUID.randomUUID(),
							new Party(this.customer.id(), this.customer.name()),
							new Party(this.performer.id(), this.performer.name()), null, null))
			.order()
			.conversationId();
	}

	private Message send(Person who, String content) {
		return this.messaging.send(who.caller(), this.conversation, NewMessage.text(content, null)).message();
	}

	private HttpResponse<byte[]> download(String format, Person who) throws IOException, InterruptedException {
		return download(this.conversation, format, who);
	}

	private HttpResponse<byte[]> download(ConversationId id, String format, Person who)
			throws IOException, InterruptedException {
		return http.send(HttpRequest
			.newBuilder(URI
				.create("http://127.0.0.1:" + this.port + "/api/conversations/" + id + "/export?format=" + format))
			.header("Authorization", "Bearer " + who.token())
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static List<Long> seqs(JsonNode messages) {
		List<Long> seqs = new ArrayList<>();
		messages.forEach((message) -> seqs.add(message.path("seq").asLong()));
		return seqs;
	}

	/**
	 * A strict reader of RFC 4180 records, so that the test does not trust the writer.
	 */
	static final class Rfc4180 {

		static List<List<String>> parse(String text) throws IOException {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			StringReader in = new StringReader(text);
			boolean quoted = false;
			int c;
			while ((c = in.read()) != -1) {
				if (quoted) {
					if (c == '"') {
						in.mark(1);
						if (in.read() == '"') {
							cell.append('"');
						}
						else {
							in.reset();
							quoted = false;
						}
					}
					else {
						cell.append((char) c);
					}
				}
				else if (c == '"' && cell.isEmpty()) {
					quoted = true;
				}
				else if (c == ',') {
					row.add(cell.toString());
					cell.setLength(0);
				}
				else if (c == '\r') {
					assertThat(in.read()).as("CR is followed by LF").isEqualTo('\n');
					row.add(cell.toString());
					cell.setLength(0);
					rows.add(row);
					row = new ArrayList<>();
				}
				else {
					assertThat((char) c).as("a bare quote or LF outside quotes").isNotIn('"', '\n');
					cell.append((char) c);
				}
			}
			assertThat(cell).isEmpty();
			assertThat(row).isEmpty();
			return rows;
		}

	}

}
