package io.orderchat.realtime.limits;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.ServerProcess;
import io.orderchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, finding 1: two WebSockets that ask for the largest history page again and
 * again and never read what comes back must not fill the server's heap. A server of its
 * own with 512 MB, PostgreSQL, a conversation of 200 maximum-size messages whose JSON is
 * six times their length (control characters are written as {@code \\u0001}): each
 * 100-byte request asks for a ~5 MB answer. While they try, other users keep sending in
 * their own conversations: every send is acknowledged, p99 under a second, no
 * OutOfMemoryError, and the abusive sockets get SLOW_DOWN or are disconnected.
 */
class OutboundAmplificationIT {

	private static final int HONEST_USERS = 4;

	private static final Duration ATTACK = Duration.ofSeconds(20);

	@Test
	@Timeout(value = 4, unit = TimeUnit.MINUTES)
	void clientsThatAskAndNeverReadCannotStarveOtherConversations() throws Exception {
		try (ServerProcess server = ServerProcess
			.start(ServerProcess.options("amplification", TestDatabase.freshPostgres()))) {
			Api api = new Api(server.port());
			String attacker = token("mallory", Role.CUSTOMER);
			String bigConversation = order(api, attacker);
			String content = "<" + "\u0001".repeat(3_998) + ">";
			for (int i = 0; i < 200; i++) {
				assertThat(api
					.post("/api/conversations/" + bigConversation + "/messages", attacker,
							Api.json(java.util.Map.of("content", content)))
					.status()).isEqualTo(201);
			}

			AtomicBoolean attacking = new AtomicBoolean(true);
			try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<String>> attacks = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					attacks.add(threads.submit(() -> attack(server.port(), attacker, bigConversation, attacking)));
				}
				List<Future<List<Long>>> users = new ArrayList<>();
				for (int i = 0; i < HONEST_USERS; i++) {
					String token = token("honest-" + i, Role.CUSTOMER);
					String conversation = order(api, token);
					users.add(threads.submit(() -> chat(server.port(), token, conversation)));
				}
				List<Long> roundTrips = new ArrayList<>();
				for (Future<List<Long>> user : users) {
					roundTrips.addAll(user.get(2, TimeUnit.MINUTES));
				}
				attacking.set(false);
				for (Future<String> attack : attacks) {
					assertThat(attack.get(1, TimeUnit.MINUTES)).as("what the abusive socket got")
						.isIn("SLOW_DOWN", "disconnected");
				}
				Collections.sort(roundTrips);
				long p99 = roundTrips.get((int) Math.ceil(roundTrips.size() * 0.99) - 1);
				System.out.printf("Other users' sends during the attack: %d, p50 %d ms, p99 %d ms, max %d ms%n",
						roundTrips.size(), roundTrips.get(roundTrips.size() / 2), p99, roundTrips.getLast());
				assertThat(roundTrips).hasSizeGreaterThan(HONEST_USERS * 50);
				assertThat(p99).as("p99 of other users' sends, ms").isLessThan(1_000);
			}
			assertThat(server.isAlive()).isTrue();
			assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
			assertThat(server.output()).doesNotContain("OutOfMemoryError").contains("outbound queue overflow");
		}
	}

	/**
	 * Asks for the largest history page over and over without reading, while
	 * {@code attacking}; then reads what came: "SLOW_DOWN" if that answer arrived,
	 * "disconnected" if the server closed the connection, else what it saw.
	 */
	private static String attack(int port, String token, String conversation, AtomicBoolean attacking)
			throws IOException, InterruptedException {
		try (RawWebSocket socket = RawWebSocket.open(port, "/socket.io/?EIO=4&transport=websocket&token=" + token,
				4096)) {
			socket.sendText("40");
			Thread.sleep(500);
			boolean disconnected = false;
			for (int i = 0; attacking.get() && i < 400; i++) {
				try {
					socket.sendText("42" + i + "[\"message:history\",{\"conversationId\":\"" + conversation
							+ "\",\"limit\":200}]");
				}
				catch (IOException closed) {
					disconnected = true;
					break;
				}
				Thread.sleep(20);
			}
			while (attacking.get()) {
				Thread.sleep(100);
			}
			socket.readUpgrade();
			try {
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				while (System.nanoTime() < deadline) {
					String frame = socket.readText(10_000);
					if (frame == null) {
						return "disconnected";
					}
					if (frame.contains("\"SLOW_DOWN\"")) {
						return "SLOW_DOWN";
					}
				}
			}
			catch (IOException ex) {
				return disconnected ? "disconnected" : ex.toString();
			}
			return disconnected ? "disconnected" : "neither";
		}
	}

	/**
	 * Sends a message every 50 ms during the attack in the user's own conversation;
	 * returns each send's round trip in milliseconds (all must be acknowledged "ok").
	 */
	private static List<Long> chat(int port, String token, String conversation) throws Exception {
		List<Long> roundTrips = new ArrayList<>();
		try (RawWebSocket socket = RawWebSocket.open(port, "/socket.io/?EIO=4&transport=websocket&token=" + token, 0)) {
			assertThat(socket.readUpgrade()).contains("101");
			assertThat(socket.readText(10_000)).startsWith("0{");
			socket.sendText("40");
			assertThat(next(socket, "40")).startsWith("40{\"sid\"");
			Instant end = Instant.now().plus(ATTACK);
			for (int ack = 1; Instant.now().isBefore(end); ack++) {
				long sent = System.nanoTime();
				socket.sendText("42" + ack + "[\"message:send\",{\"conversationId\":\"" + conversation
						+ "\",\"content\":\"hello " + ack + "\",\"clientId\":\"" + UUID.randomUUID() + "\"}]");
				String answer = next(socket, "43" + ack + "[");
				roundTrips.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
				assertThat(answer).as("answer to send " + ack).contains("\"ok\":true");
				Thread.sleep(50);
			}
		}
		return roundTrips;
	}

	/** The next text frame starting with {@code prefix}, answering pings on the way. */
	private static String next(RawWebSocket socket, String prefix) throws IOException {
		while (true) {
			String frame;
			try {
				frame = socket.readText(30_000);
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError("no " + prefix + " within 30 s", ex);
			}
			assertThat(frame).as("connection still open while waiting for " + prefix).isNotNull();
			if (frame.equals("2")) {
				socket.sendText("3");
			}
			else if (frame.startsWith(prefix)) {
				return frame;
			}
		}
	}

	private static String order(Api api, String token) {
		Api.Response order = api.post("/api/orders", token, "{\"exchangeMethod\":\"cash\",\"amount\":10}");
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		return order.data().get("chatRoomId").asString();
	}

	private static String token(String name, Role role) {
		return IntegrationTest.token(name + "-" + UUID.randomUUID().toString().substring(0, 8), name, role,
				Instant.now().plus(Duration.ofHours(1)));
	}

}
