package io.orderchat.realtime.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request with a large answer is refused with SLOW_DOWN while the client has not read
 * the previous large answer (more than {@code orderchat.socketio.limits.congested-above}
 * waits for it), and served again once it has. The answer must be larger than what the
 * kernel's socket buffers take on loopback (up to 4 MB), so the per-connection limit is
 * raised: with the default 4 MB the client would be disconnected instead.
 */
@TestPropertySource(properties = "orderchat.socketio.limits.outbound-per-connection=16MB")
class BackPressureIT extends IntegrationTest {

	@Test
	void historyIsRefusedWithSlowDownUntilTheClientReadsThePreviousAnswer() throws Exception {
		String token = token("reader-" + UUID.randomUUID().toString().substring(0, 8), "Reader", Role.CUSTOMER,
				Instant.now().plus(Duration.ofHours(1)));
		Api.Response order = api().post("/api/orders", token, "{\"exchangeMethod\":\"cash\",\"amount\":10}");
		String conversation = order.data().get("chatRoomId").asString();
		// Each message's JSON is ~24 KB (control characters are written as \u0001): a
		// page
		// of 200 is ~4.9 MB, over the congestion threshold (1 MB) and the kernel's
		// buffers.
		String content = "<" + "\u0001".repeat(3_998) + ">";
		for (int i = 0; i < 200; i++) {
			assertThat(api()
				.post("/api/conversations/" + conversation + "/messages", token, Api.json(Map.of("content", content)))
				.status()).isEqualTo(201);
		}
		String history = "[\"message:history\",{\"conversationId\":\"" + conversation + "\",\"limit\":200}]";
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/socket.io/?EIO=4&transport=websocket&token=" + token,
				4096)) {
			socket.sendText("40");
			Thread.sleep(500);
			socket.sendText("421" + history);
			Thread.sleep(500);
			socket.sendText("422" + history);

			assertThat(socket.readUpgrade()).contains("101");
			assertThat(next(socket, "43")).startsWith("431[{\"ok\":true").hasSizeGreaterThan(4_500_000);
			assertThat(next(socket, "43")).startsWith("432[")
				.contains("\"ok\":false")
				.contains("\"code\":\"SLOW_DOWN\"");

			socket.sendText("423" + history);
			assertThat(next(socket, "43")).as("served again once read").startsWith("433[{\"ok\":true");
		}
	}

	private static String next(RawWebSocket socket, String prefix) throws Exception {
		while (true) {
			String frame = socket.readText(30_000);
			assertThat(frame).as("connection open while waiting for " + prefix).isNotNull();
			if (frame.equals("2")) {
				socket.sendText("3");
			}
			else if (frame.startsWith(prefix)) {
				return frame;
			}
		}
	}

}
