import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AOT cache's training run (bin/aot, README "Quick start"): starts the extracted application
 * with {@code -XX:AOTCacheOutput} on a throw-away in-memory H2 and a free port, drives the paths
 * a real server runs hot — WebSocket and polling handshakes with HS256 tokens, joins, sends with
 * acknowledgements, typing, fan-out to a few dozen sockets, history over REST and the socket,
 * seed 004's dialect, Pusher — closes every connection and stops the application with SIGTERM,
 * at which the JVM writes the cache. So the cache holds the classes and method profiles of that
 * work, not of start-up alone, and the first minute after a start runs warmer.
 *
 * <p>
 * Plain JDK only (java.net.http's WebSocket, javax.crypto for the tokens), run from source by
 * {@code java src/aot/Training.java <jar> <cache> <log>}: {@code bin/run} must work on a fresh
 * machine without the test classes, and the server gains no endpoint for it. Exits 0 when the
 * cache was written (with a warning on stderr when part of the workload failed: a cache of
 * start-up is still worth having), 1 otherwise.
 */
public class Training {

	static final String SECRET = "aot-training-secret-aot-training-secret";

	static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

	static final int ROUNDS = 3;

	static final int ORDERS = 6;

	static final int ADMINS_PER_ORDER = 5;

	static final int MESSAGES_PER_ORDER = 8;

	static final int STORM = 1000;

	static final int POLLING = 24;

	static final int PUSHER = 8;

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	final String base;

	final String wsBase;

	final String secret;

	final LongAdder failures = new LongAdder();

	final AtomicInteger sequence = new AtomicInteger();

	volatile String firstFailure;

	/** A workload for the server on {@code port} that verifies HS256 tokens with {@code secret}. */
	Training(int port, String secret) {
		this.base = "http://127.0.0.1:" + port;
		this.wsBase = "ws://127.0.0.1:" + port;
		this.secret = secret;
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: java src/aot/Training.java <app jar> <cache to write> <log>");
			System.exit(2);
		}
		Path jar = Path.of(args[0]);
		Path cache = Path.of(args[1]);
		Path log = Path.of(args[2]);
		Files.deleteIfExists(cache);
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		long started = System.nanoTime();
		Process app = start(jar, cache, log, port);
		Training training = new Training(port, SECRET);
		boolean driven = false;
		try {
			training.awaitReady(app);
			long ready = System.nanoTime();
			training.drive();
			driven = true;
			System.out.printf("bin/aot: trained %.0f s (start %.0f s, workload %.0f s), %d failed operations%n",
					(System.nanoTime() - started) / 1e9, (ready - started) / 1e9, (System.nanoTime() - ready) / 1e9,
					training.failures.sum());
		}
		catch (Exception ex) {
			System.err.println("bin/aot: the training workload failed: " + ex);
		}
		finally {
			// SIGTERM: a graceful shutdown, at whose end the JVM writes the cache
			app.destroy();
			if (!app.waitFor(5, TimeUnit.MINUTES)) {
				app.destroyForcibly();
			}
		}
		if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
			System.err.println("bin/aot: the training run wrote no cache (exit " + app.exitValue() + ", see " + log + ")");
			System.exit(1);
		}
		if (!driven || training.failures.sum() > 0) {
			System.err.println("bin/aot: warning: part of the training workload failed (first: " + training.firstFailure
					+ "); the cache is written but may cover less of the hot paths");
		}
	}

	static Process start(Path jar, Path cache, Path log, int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-XX:AOTCacheOutput=" + cache, "-Xlog:aot=info,cds=warning",
				"-jar", jar.toString(), "--server.port=" + port, "--logging.level.root=warn",
				// every socket of the workload comes from 127.0.0.1 at a script's pace
				"--orderchat.socketio.limits.handshake-burst=1000000",
				"--orderchat.socketio.limits.handshakes-per-second=1000000",
				"--orderchat.socketio.limits.connections-per-address=1000000")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("JWT_SECRET", SECRET);
		env.put("DATABASE_URL", "jdbc:h2:mem:aot;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		env.remove("DATABASE_USER");
		env.remove("DATABASE_PASSWORD");
		env.remove("REDIS_URL");
		for (String limit : List.of("MESSAGES_PER_SECOND", "MESSAGE_BURST", "ORDERS_PER_MINUTE",
				"REQUESTS_PER_SECOND_PER_IP", "REQUEST_BURST_PER_IP", "SOCKETS_PER_USER", "JOINS_PER_SOCKET")) {
			env.put("LIMIT_" + limit, "1000000");
		}
		return builder.start();
	}

	void awaitReady(Process app) throws Exception {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IOException("the application exited with " + app.exitValue() + " before it was ready");
			}
			try {
				if (get("/actuator/health/readiness", null).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IOException("the application was not ready within " + READY_TIMEOUT);
	}

	void drive() throws Exception {
		String admin = token("aot-admin", "admin");
		get("/", null);
		get("/socket.io/socket.io.js", null);
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			orders.add(register(admin, "aot-order-" + i));
		}
		for (int round = 0; round < ROUNDS; round++) {
			try (ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> running = new ArrayList<>();
				for (Order order : orders) {
					running.add(tasks.submit(() -> chat(order, admin)));
					running.add(tasks.submit(() -> marketplace(order)));
				}
				running.add(tasks.submit(() -> storm(STORM)));
				running.add(tasks.submit(() -> polling(POLLING)));
				running.add(tasks.submit(() -> pusher(orders, PUSHER)));
				running.add(tasks.submit(() -> customerOrder(admin)));
				for (Future<?> task : running) {
					try {
						task.get(2, TimeUnit.MINUTES);
					}
					catch (Exception ex) {
						fail("task: " + ex);
					}
				}
			}
		}
		// every socket closed: the graceful shutdown has nothing to wait for
		Thread.sleep(500);
	}

	/** An order's chat: its parties and a few admins join, the customer sends, everybody receives. */
	Void chat(Order order, String admin) throws Exception {
		List<Sio> sockets = new ArrayList<>();
		try {
			Sio customer = Sio.open(this, token(order.customer, "customer"));
			Sio performer = Sio.open(this, token(order.performer, "performer"));
			sockets.add(customer);
			sockets.add(performer);
			for (int i = 0; i < ADMINS_PER_ORDER; i++) {
				sockets.add(Sio.open(this, token("aot-admin-" + i, "admin")));
			}
			for (Sio socket : sockets) {
				expectOk(socket.call("conversation:join", "{\"conversationId\":\"" + order.conversation + "\"}"));
			}
			expectOk(customer.call("unread:get", "{}"));
			for (int i = 0; i < MESSAGES_PER_ORDER; i++) {
				expectOk(customer.call("typing:start", "{\"conversationId\":\"" + order.conversation + "\"}"));
				expectOk(customer.call("message:send", "{\"conversationId\":\"" + order.conversation
						+ "\",\"content\":\"Hello number " + i + " — привіт\",\"clientId\":\"aot-" + this.sequence.incrementAndGet()
						+ "\"}"));
				expectOk(performer.call("message:send", "{\"conversationId\":\"" + order.conversation
						+ "\",\"content\":\"On my way " + i + "\"}"));
			}
			expectOk(customer.call("typing:stop", "{\"conversationId\":\"" + order.conversation + "\"}"));
			expectOk(performer.call("conversation:read", "{\"conversationId\":\"" + order.conversation + "\"}"));
			expectOk(performer.call("message:history", "{\"conversationId\":\"" + order.conversation + "\",\"limit\":20}"));
			expectOk(performer.call("message:react",
					"{\"conversationId\":\"" + order.conversation + "\",\"seq\":2,\"emoji\":\"👍\"}"));
			expectOk(customer.call("sync:resume",
					"{\"conversations\":[{\"conversationId\":\"" + order.conversation + "\",\"lastSeq\":1}]}"));
			expectOk(sockets.get(2).call("conversation:leave", "{\"conversationId\":\"" + order.conversation + "\"}"));
			String customerToken = token(order.customer, "customer");
			expect200(get("/api/conversations/" + order.conversation + "/messages?limit=50", customerToken));
			expect200(get("/api/conversations/" + order.conversation + "/messages?limit=5&before=8", customerToken));
			expect200(get("/api/orders/" + order.id, customerToken));
			expect200(post("/api/conversations/" + order.conversation + "/messages", customerToken,
					"{\"content\":\"sent over REST\"}"));
			expect200(get("/api/conversations", admin));
		}
		finally {
			sockets.forEach(Sio::close);
		}
		return null;
	}

	/** Seed 004's dialect on the same order: join, send, typing, read. */
	Void marketplace(Order order) throws Exception {
		Sio customer = Sio.open(this, token(order.customer, "customer"));
		Sio performer = Sio.open(this, token(order.performer, "performer"));
		try {
			String ref = "{\"orderId\":\"" + order.external + "\"";
			expectOk(customer.call("join_order_chat", ref + "}"));
			expectOk(performer.call("join_order_chat", ref + "}"));
			for (int i = 0; i < 3; i++) {
				expectOk(performer.call("order_typing", ref + ",\"isTyping\":true}"));
				expectOk(performer.call("order_message", ref + ",\"content\":\"marketplace " + i + "\"}"));
			}
			expectOk(customer.call("mark_messages_read", ref + "}"));
			expectOk(customer.call("leave_order_chat", ref + "}"));
		}
		finally {
			customer.close();
			performer.close();
		}
		return null;
	}

	/** A reconnect storm's path: many signed handshakes at once, one command, closed. */
	Void storm(int count) throws Exception {
		Semaphore inFlight = new Semaphore(64);
		List<CompletableFuture<Void>> done = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			inFlight.acquire();
			String auth = token("aot-storm-" + i, "customer");
			CompletableFuture<Void> one = Sio.connect(this, auth).thenCompose((socket) -> {
				CompletableFuture<String> answer = socket.callAsync("unread:get", "{}");
				return answer.handle((result, error) -> {
					if (error != null || result == null || !result.contains("\"ok\":true")) {
						fail("storm: " + ((error != null) ? error : result));
					}
					return null;
				}).thenCompose((ignored) -> socket.closeAsync()).thenApply((ignored) -> (Void) null);
			}).orTimeout(60, TimeUnit.SECONDS).handle((ignored, error) -> {
				inFlight.release();
				if (error != null) {
					fail("storm connect: " + error);
				}
				return null;
			});
			done.add(one);
		}
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
		return null;
	}

	/** Long-polling handshakes (Engine.IO over HTTP), half of them upgraded to WebSocket. */
	Void polling(int count) throws Exception {
		for (int i = 0; i < count; i++) {
			String open = expect200(get("/socket.io/?EIO=4&transport=polling", null)).body();
			String sid = field(open, "sid");
			String path = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
			expect200(post(path, null, "40{\"token\":\"" + token("aot-poll-" + i, "customer") + "\"}"));
			String connected = expect200(get(path, null)).body();
			if (!connected.startsWith("40")) {
				fail("polling connect answered " + connected);
				continue;
			}
			expect200(post(path, null, "421[\"unread:get\",{}]"));
			String ack = expect200(get(path, null)).body();
			if (!ack.contains("\"ok\":true")) {
				fail("polling ack " + ack);
			}
			if (i % 2 == 0) {
				Sio.upgrade(this, sid);
			}
			else {
				expect200(post(path, null, "1"));
			}
		}
		return null;
	}

	/** Pusher Channels (seed 000): connect, subscribe to an order's and the moderators' channel, ping. */
	Void pusher(List<Order> orders, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			Frames frames = new Frames();
			WebSocket socket = this.http.newWebSocketBuilder()
				.buildAsync(URI.create(this.wsBase + "/app/orderchat-key?protocol=7&client=js&version=8.4.0"), frames)
				.get(30, TimeUnit.SECONDS);
			frames.await("pusher:connection_established");
			socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"order-"
					+ orders.get(i % orders.size()).id + "\"}}", true).get(10, TimeUnit.SECONDS);
			frames.await("pusher_internal:subscription_succeeded");
			socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"moderator-channel\"}}", true)
				.get(10, TimeUnit.SECONDS);
			frames.await("pusher_internal:subscription_succeeded");
			socket.sendText("{\"event\":\"pusher:ping\",\"data\":{}}", true).get(10, TimeUnit.SECONDS);
			frames.await("pusher:pong");
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
		}
		return null;
	}

	/** An order placed by a customer over REST (the moderators hear of it), and its lookups. */
	Void customerOrder(String admin) throws Exception {
		String customer = token("aot-buyer-" + this.sequence.incrementAndGet(), "customer");
		expect200(post("/api/orders", customer, "{\"exchangeMethod\":\"bank-transfer\",\"amount\":100,\"notes\":\"training\"}"));
		expect200(get("/api/orders/my-orders", customer));
		expect200(get("/api/moderation/queue", admin));
		return null;
	}

	Order register(String admin, String external) throws Exception {
		String customer = external + "-customer";
		String performer = external + "-performer";
		String body = expect200(post("/api/orders/external", admin,
				"{\"externalId\":\"" + external + "\",\"customer\":{\"id\":\"" + customer + "\",\"name\":\"Carla " + external
						+ "\"},\"performer\":{\"id\":\"" + performer + "\",\"name\":\"Pete " + external
						+ "\"},\"title\":\"training\",\"amount\":42.5}"))
			.body();
		Matcher id = Pattern.compile("\"order\":\\{\"(?:_id|id)\":\"([^\"]+)\"").matcher(body);
		if (!id.find()) {
			throw new IOException("registering an order answered " + body);
		}
		return new Order(id.group(1), external, field(body, "chatRoomId"), customer, performer);
	}

	record Order(String id, String external, String conversation, String customer, String performer) {
	}

	HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", path.startsWith("/socket.io/") ? "text/plain;charset=UTF-8" : "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> expect200(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			fail(response.request().method() + " " + response.uri().getPath() + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response;
	}

	void expectOk(String answer) {
		if (answer == null || !(answer.contains("\"ok\":true") || answer.contains("\"success\":true"))) {
			fail("answered " + answer);
		}
	}

	void fail(String what) {
		this.failures.increment();
		if (this.firstFailure == null) {
			this.firstFailure = what;
		}
		if (this.failures.sum() <= 5) {
			System.err.println("bin/aot: training: " + what);
		}
	}

	static String field(String json, String name) throws IOException {
		Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!value.find()) {
			throw new IOException("no " + name + " in " + json);
		}
		return value.group(1);
	}

	/** An HS256 token as a host app signs it (docs/protocol.md "Connecting"). */
	String token(String userId, String role) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		long expires = System.currentTimeMillis() / 1000 + 3600;
		String claims = base64.encodeToString(("{\"sub\":\"" + userId + "\",\"name\":\"" + userId + "\",\"role\":\"" + role
				+ "\",\"exp\":" + expires + "}")
			.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return header + "." + claims + "."
					+ base64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A Socket.IO v4 client over WebSocket, just enough for training: CONNECT with an auth
	 * object, events with acknowledgement ids, answers to pings. Sends are chained, as
	 * java.net.http allows one outstanding send per socket.
	 */
	static final class Sio implements WebSocket.Listener {

		final Training training;

		final String connectPacket;

		final CompletableFuture<Sio> connected = new CompletableFuture<>();

		final Map<Integer, CompletableFuture<String>> acks = new ConcurrentHashMap<>();

		final AtomicInteger nextAck = new AtomicInteger();

		final StringBuilder partial = new StringBuilder();

		final LongAdder events = new LongAdder();

		private CompletableFuture<WebSocket> sending;

		private Sio(Training training, String auth) {
			this.training = training;
			this.connectPacket = "40{\"token\":\"" + auth + "\"}";
		}

		static CompletableFuture<Sio> connect(Training training, String auth) {
			Sio sio = new Sio(training, auth);
			training.http.newWebSocketBuilder()
				.buildAsync(URI.create(training.wsBase + "/socket.io/?EIO=4&transport=websocket"), sio)
				.whenComplete((socket, error) -> {
					if (error != null) {
						sio.connected.completeExceptionally(error);
					}
				});
			return sio.connected;
		}

		static Sio open(Training training, String auth) throws Exception {
			return connect(training, auth).get(60, TimeUnit.SECONDS);
		}

		/** Upgrades a long-polling session to WebSocket (probe, upgrade packet), then closes it. */
		static void upgrade(Training training, String sid) throws Exception {
			Frames frames = new Frames();
			WebSocket socket = training.http.newWebSocketBuilder()
				.buildAsync(URI.create(training.wsBase + "/socket.io/?EIO=4&transport=websocket&sid=" + sid), frames)
				.get(30, TimeUnit.SECONDS);
			socket.sendText("2probe", true).get(10, TimeUnit.SECONDS);
			frames.await("3probe");
			socket.sendText("5", true).get(10, TimeUnit.SECONDS);
			socket.sendText("421[\"unread:get\",{}]", true).get(10, TimeUnit.SECONDS);
			frames.await("\"ok\":true");
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
		}

		String call(String event, String payload) throws Exception {
			return callAsync(event, payload).get(60, TimeUnit.SECONDS);
		}

		CompletableFuture<String> callAsync(String event, String payload) {
			int id = this.nextAck.incrementAndGet();
			CompletableFuture<String> answer = new CompletableFuture<>();
			this.acks.put(id, answer);
			send("42" + id + "[\"" + event + "\"," + payload + "]");
			return answer;
		}

		synchronized void send(String text) {
			this.sending = this.sending.thenCompose((socket) -> socket.sendText(text, true));
		}

		synchronized CompletableFuture<WebSocket> closeAsync() {
			this.sending = this.sending.thenCompose((socket) -> socket.sendClose(WebSocket.NORMAL_CLOSURE, ""));
			return this.sending;
		}

		void close() {
			try {
				closeAsync().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				this.training.fail("close: " + ex);
			}
		}

		@Override
		public void onOpen(WebSocket socket) {
			synchronized (this) {
				this.sending = CompletableFuture.completedFuture(socket);
			}
			socket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String packet = this.partial.toString();
				this.partial.setLength(0);
				packet(packet);
			}
			socket.request(1);
			return null;
		}

		private void packet(String packet) {
			if (packet.startsWith("0")) {
				send(this.connectPacket);
			}
			else if (packet.equals("2")) {
				send("3");
			}
			else if (packet.startsWith("40")) {
				this.connected.complete(this);
			}
			else if (packet.startsWith("44")) {
				this.connected.completeExceptionally(new IOException("connect refused: " + packet));
			}
			else if (packet.startsWith("43")) {
				int end = 2;
				while (end < packet.length() && Character.isDigit(packet.charAt(end))) {
					end++;
				}
				CompletableFuture<String> answer = this.acks.remove(Integer.parseInt(packet.substring(2, end)));
				if (answer != null) {
					answer.complete(packet.substring(end));
				}
			}
			else if (packet.startsWith("42")) {
				this.events.increment();
			}
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			IOException closed = new IOException("closed " + statusCode + " " + reason);
			this.connected.completeExceptionally(closed);
			this.acks.values().forEach((answer) -> answer.completeExceptionally(closed));
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			this.connected.completeExceptionally(error);
			this.acks.values().forEach((answer) -> answer.completeExceptionally(error));
		}

	}

	/** Collects a WebSocket's text frames so that a step can wait for the one it expects. */
	static final class Frames implements WebSocket.Listener {

		private final List<String> received = new ArrayList<>();

		private final StringBuilder partial = new StringBuilder();

		@Override
		public void onOpen(WebSocket socket) {
			socket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				synchronized (this) {
					this.received.add(this.partial.toString());
					notifyAll();
				}
				this.partial.setLength(0);
			}
			socket.request(1);
			return null;
		}

		/** Waits for (and consumes) the first frame containing {@code text}. */
		synchronized void await(String text) throws Exception {
			long deadline = System.currentTimeMillis() + 30_000;
			while (true) {
				for (int i = 0; i < this.received.size(); i++) {
					if (this.received.get(i).contains(text)) {
						this.received.remove(i);
						return;
					}
				}
				long left = deadline - System.currentTimeMillis();
				if (left <= 0) {
					throw new IOException("no frame with " + text + " among " + this.received);
				}
				wait(left);
			}
		}

	}

}
