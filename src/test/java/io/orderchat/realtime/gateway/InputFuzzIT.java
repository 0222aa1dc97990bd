package io.orderchat.realtime.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every way in with seeded random input, each target for a bounded time: (a) the
 * commands of every socket vocabulary (the event names from {@link CommandRouter}, and
 * junk), (b) raw Engine.IO frames over long-polling and WebSocket, (c) every REST
 * endpoint Spring maps (so new endpoints are fuzzed too), with random paths, parameters,
 * bodies and tokens. Whatever comes in: no HTTP 500, no {@code INTERNAL} answer, no ERROR
 * line in the log, another user's socket stays connected, and a normal client can still
 * chat afterwards. The seed is printed; {@code -Dfuzz.seed=N} replays a run and
 * {@code -Dfuzz.seconds=N} sets the time per target.
 */
class InputFuzzIT extends IntegrationTest {

	private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

	private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 12));

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

	@Autowired
	CommandRouter router;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final Person customer = person("Fuzz Customer", Role.CUSTOMER);

	final Person performer = person("Fuzz Performer", Role.PERFORMER);

	final Person moderator = person("Fuzz Moderator", Role.MODERATOR);

	final Person agent = person("Fuzz Agent", Role.SUPPORT);

	final Person admin = person("Fuzz Admin", Role.ADMIN);

	final Person bystander = person("Bystander", Role.CUSTOMER);

	final Person bystanderPeer = person("Bystander Peer", Role.PERFORMER);

	final List<String> errors = new CopyOnWriteArrayList<>();

	final List<String> failures = new ArrayList<>();

	final List<String> ids = new ArrayList<>();

	ErrorLog errorLog;

	Random random;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	FuzzJson json;

	String bystanderConversation;

	RawSocketIo bystanderSocket;

	@BeforeEach
	void setUp() throws Exception {
		this.errorLog = new ErrorLog(this.errors);
		this.errorLog.start();
		root().addAppender(this.errorLog);
		this.random = new Random(SEED);
		System.out.println("InputFuzzIT seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
		JsonOrder order = order(this.customer, this.performer);
		this.ids.addAll(List.of(order.orderId(), order.conversationId(), UUID.randomUUID().toString(), "ext-1", "42",
				"", " ", "not-an-id", "a\u0000b", this.customer.id(), this.moderator.id(), this.agent.id()));
		Response message = api().post("/api/conversations/" + order.conversationId() + "/messages",
				this.customer.token(), "{\"content\":\"hello\"}");
		this.ids.add(message.data().path("message").path("id").asString());
		Response session = api().post("/api/v1/chat/sessions", this.customer.token(), "{\"subject\":\"fuzz\"}");
		this.ids.add(session.data().path("id").asString());
		Response dispute = api().post("/api/orders/" + order.orderId() + "/disputes", this.customer.token(),
				"{\"reason\":\"fuzz\"}");
		this.ids.add(dispute.data().path("id").asString());
		this.json = new FuzzJson(this.random, this.ids);
		JsonOrder quiet = order(this.bystander, this.bystanderPeer);
		this.bystanderConversation = quiet.conversationId();
		this.bystanderSocket = RawSocketIo.open(this.port, this.bystander.token());
		String joined = this.bystanderSocket.call("\"conversation:join\"",
				"{\"conversationId\":\"" + this.bystanderConversation + "\"}", Duration.ofSeconds(10));
		assertThat(joined).contains("\"ok\":true");
	}

	@AfterEach
	void tearDown() {
		root().detachAppender(this.errorLog);
		this.bystanderSocket.close();
	}

	@Test
	void socketCommandsOfEveryVocabulary() throws Exception {
		List<String> events = new ArrayList<>(this.router.events());
		events.addAll(List.of("", "connect", "nonexistent", "message:send\u0000", "x".repeat(3000)));
		List<Person> people = List.of(this.customer, this.performer, this.moderator, this.agent, this.admin);
		List<RawSocketIo> sockets = new ArrayList<>();
		for (Person person : people) {
			sockets.add(RawSocketIo.open(this.port, person.token()));
		}
		int commands = 0;
		int closed = 0;
		long deadline = System.nanoTime() + BUDGET.toNanos();
		while (System.nanoTime() < deadline) {
			int who = this.random.nextInt(sockets.size());
			if (sockets.get(who).isClosed()) {
				sockets.set(who, RawSocketIo.open(this.port, people.get(who).token()));
			}
			String event = FuzzJson.quote(events.get(this.random.nextInt(events.size())));
			String payload = this.json.payload();
			String ack = sockets.get(who).call(event, payload, Duration.ofSeconds(10));
			commands++;
			String shown = event + " " + abbreviate(payload);
			closed += sockets.get(who).isClosed() ? 1 : 0;
			if (ack == null && !sockets.get(who).isClosed()) {
				this.failures.add("no answer to " + shown);
			}
			else if (ack != null && ack.contains("\"INTERNAL\"")) {
				this.failures.add("INTERNAL for " + shown + " -> " + abbreviate(ack));
			}
		}
		sockets.forEach(RawSocketIo::close);
		System.out.println("InputFuzzIT: " + commands + " socket commands, " + closed
				+ " of them closed their connection (payloads the parser refuses)");
		assertStillServing();
	}

	@Test
	void rawEngineIoFrames() throws Exception {
		int frames = 0;
		long deadline = System.nanoTime() + BUDGET.toNanos();
		RawSocketIo socket = null;
		String sid = pollingHandshake();
		while (System.nanoTime() < deadline) {
			if (this.random.nextBoolean()) {
				if (socket == null || socket.isClosed() || this.random.nextInt(20) == 0) {
					if (socket != null) {
						socket.close();
					}
					socket = RawSocketIo.open(this.port, this.random.nextBoolean() ? this.customer.token() : null);
				}
				if (this.random.nextInt(4) == 0) {
					byte[] junk = new byte[this.random.nextInt(2000)];
					this.random.nextBytes(junk);
					socket.binary(junk);
				}
				else {
					socket.text(frame());
				}
			}
			else {
				if (this.random.nextInt(10) == 0) {
					sid = pollingHandshake();
				}
				String target = switch (this.random.nextInt(6)) {
					case 0 -> "/socket.io/?EIO=4&transport=polling&sid=" + UUID.randomUUID();
					case 1 -> "/socket.io/?EIO=3&transport=polling&sid=" + sid;
					case 2 -> "/socket.io/?EIO=4&transport=carrier-pigeon&sid=" + sid;
					case 3 -> "/socket.io/?EIO=4&transport=polling&sid=" + sid + "&sid=" + sid;
					default -> "/socket.io/?EIO=4&transport=polling&sid=" + sid;
				};
				String body = (this.random.nextInt(3) == 0) ? frame() + "\u001e" + frame() : frame();
				HttpResponse<String> answer = send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + target))
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.header("Content-Type",
									this.random.nextBoolean() ? "text/plain;charset=UTF-8" : "application/json"));
				if (answer != null && answer.statusCode() >= 500) {
					this.failures.add(answer.statusCode() + " for polling POST " + abbreviate(body));
				}
			}
			frames++;
		}
		if (socket != null) {
			socket.close();
		}
		System.out.println("InputFuzzIT: " + frames + " Engine.IO frames");
		assertStillServing();
	}

	@Test
	void restBodiesAndPathsOfEveryEndpoint() throws Exception {
		record Endpoint(String method, String pattern) {
		}
		List<Endpoint> endpoints = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			List<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
			for (String pattern : info.getPatternValues()) {
				for (String method : methods.isEmpty() ? List.of("GET", "POST") : methods) {
					endpoints.add(new Endpoint(method, pattern));
				}
			}
		});
		assertThat(endpoints).hasSizeGreaterThan(30);
		List<String> tokens = List.of(this.customer.token(), this.performer.token(), this.moderator.token(),
				this.agent.token(), this.admin.token(), "garbage", "");
		int requests = 0;
		long deadline = System.nanoTime() + BUDGET.toNanos();
		while (System.nanoTime() < deadline) {
			Endpoint endpoint = endpoints.get(this.random.nextInt(endpoints.size()));
			String path = fillPath(endpoint.pattern()) + query();
			String method = (this.random.nextInt(10) == 0)
					? List.of("GET", "POST", "PUT", "PATCH", "DELETE").get(this.random.nextInt(5)) : endpoint.method();
			String body = switch (this.random.nextInt(8)) {
				case 0 -> null;
				case 1 -> "{not json";
				case 2 -> "{\"notes\":" + FuzzJson.quote("y".repeat(70_000)) + "}";
				default -> this.json.payload();
			};
			HttpRequest.Builder request;
			try {
				request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
			}
			catch (IllegalArgumentException ex) {
				continue; // a path the client library refuses to send
			}
			request.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
			request.header("Content-Type",
					List.of("application/json", "application/json", "text/plain", "multipart/form-data; boundary=x")
						.get(this.random.nextInt(4)));
			String token = tokens.get(this.random.nextInt(tokens.size()));
			if (!token.isEmpty()) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> answer = send(request);
			requests++;
			if (answer != null && (answer.statusCode() >= 500 || internalError(answer.body()))) {
				this.failures.add(answer.statusCode() + " for " + method + " " + abbreviate(path) + " "
						+ abbreviate(String.valueOf(body)) + " -> " + abbreviate(answer.body()));
			}
		}
		System.out.println("InputFuzzIT: " + requests + " REST requests over " + endpoints.size() + " endpoints");
		assertStillServing();
	}

	/** The node still serves, another user's socket is still up, nothing failed. */
	private void assertStillServing() throws Exception {
		String text = "still serving " + UUID.randomUUID();
		Response sent = api().post("/api/conversations/" + this.bystanderConversation + "/messages",
				this.bystanderPeer.token(), "{\"content\":\"" + text + "\"}");
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(this.bystanderSocket.awaitFrame(text, Duration.ofSeconds(10)))
			.as("the bystander's socket got the message")
			.isTrue();
		assertThat(this.bystanderSocket.isClosed()).as("the bystander's socket stayed connected").isFalse();
		assertThat(this.failures).as("failures with seed %d", SEED).isEmpty();
		assertThat(this.errors).as("ERROR lines in the log with seed %d", SEED).isEmpty();
	}

	private String frame() {
		return switch (this.random.nextInt(16)) {
			case 0 -> "";
			case 1 -> Integer.toString(this.random.nextInt(10));
			case 2 -> "42[";
			case 3 -> "42" + this.json.nested(this.random.nextBoolean() ? 600 : 3000);
			case 4 -> "4299999999999999999[\"message:send\",{}]";
			case 5 -> "451-[\"chat:image\",{\"roomId\":\"" + this.json.id()
					+ "\",\"file\":{\"_placeholder\":true,\"num\":" + this.json.number() + "}}]";
			case 6 -> "b" + "%%%not base64";
			case 7 -> "40/nowhere,{}";
			case 8 -> "40" + this.json.value(0);
			case 9 -> "2probe";
			case 10 -> "a\u0000b";
			case 11 -> "43" + this.random.nextInt(100) + this.json.array(0);
			default -> "42[" + FuzzJson.quote(this.json.fieldName()) + "," + this.json.payload() + "]";
		};
	}

	private String fillPath(String pattern) {
		Matcher variable = PATH_VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String value = switch (this.random.nextInt(8)) {
				case 0 -> "%00";
				case 1 -> "x".repeat(3000);
				case 2 -> "99999999999999999999";
				case 3 -> "%E2%82%AC%F0%9F%92%AC";
				case 4 -> "..%2F..%2Fetc";
				default -> encode(this.json.id());
			};
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString().replace("/**", "/x");
	}

	private String query() {
		if (this.random.nextInt(3) == 0) {
			return "";
		}
		StringBuilder query = new StringBuilder("?");
		for (String name : List.of("limit", "offset", "before", "after", "page", "status", "orderId", "actorId",
				"conversationId", "expires", "signature", "token")) {
			if (this.random.nextInt(4) == 0) {
				String value = switch (this.random.nextInt(7)) {
					case 0 -> "4294967306";
					case 1 -> "-1";
					case 2 -> "%00";
					case 3 -> "1e3";
					case 4 -> "";
					default -> encode(this.json.id());
				};
				query.append(name).append('=').append(value).append('&');
			}
		}
		return query.toString();
	}

	private String pollingHandshake() {
		HttpResponse<String> open = send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/socket.io/?EIO=4&transport=polling"))
			.GET());
		assertThat(open).isNotNull();
		Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open.body());
		assertThat(sid.find()).as(open.body()).isTrue();
		String id = sid.group(1);
		String token = this.random.nextBoolean() ? this.customer.token() : "garbage";
		send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/socket.io/?EIO=4&transport=polling&sid=" + id))
			.POST(HttpRequest.BodyPublishers.ofString("40{\"token\":\"" + token + "\"}")));
		return id;
	}

	/** Sends a request; null when it timed out or the server closed the connection. */
	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private JsonOrder order(Person customer, Person performer) {
		Person service = person("Fuzz Service", Role.ADMIN);
		Response placed = api().post("/api/orders/external", service.token(),
				Api.json(Map.of("externalId", "fuzz-" + UUID.randomUUID(), "customer",
						Map.of("id", customer.id(), "name", customer.name()), "performer",
						Map.of("id", performer.id(), "name", performer.name()))));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return new JsonOrder(placed.data().path("order").path("id").asString(),
				placed.data().path("chatRoomId").asString());
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The error envelope's INTERNAL code (not the word inside a document, e.g. the
	 * OpenAPI one).
	 */
	private boolean internalError(String body) {
		try {
			JsonNode answer = MAPPER.readTree(body);
			return !answer.path("success").asBoolean(true)
					&& "INTERNAL".equals(answer.path("error").path("code").asString(""));
		}
		catch (RuntimeException notJson) {
			return false;
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "… (" + text.length() + " chars)" : text;
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	private record JsonOrder(String orderId, String conversationId) {
	}

	/** Keeps every ERROR line logged while fuzzing, with the first line of its trace. */
	private static final class ErrorLog extends AppenderBase<ILoggingEvent> {

		private final List<String> errors;

		ErrorLog(List<String> errors) {
			this.errors = errors;
		}

		@Override
		protected void append(ILoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
				String cause = (event.getThrowableProxy() != null) ? " / " + event.getThrowableProxy().getClassName()
						+ ": " + event.getThrowableProxy().getMessage() : "";
				this.errors.add(event.getLoggerName() + ": " + event.getFormattedMessage() + cause);
			}
		}

	}

}
