package io.orderchat.pusher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol over a recording transport: no sockets, no Spring. */
class PusherServerTest {

	private static final JsonMapper json = JsonMapper.shared();

	private final List<PusherServer> servers = new ArrayList<>();

	@AfterEach
	void close() {
		this.servers.forEach(PusherServer::close);
	}

	@Test
	void encodesATriggeredEventOnceForAllSubscribers() {
		PusherServer server = server(true, 10, 1 << 20);
		Recorder first = connect(server);
		Recorder second = connect(server);
		first.connection.receive(subscribe("order-1", null));
		second.connection.receive(subscribe("order-1", null));

		int sent = server.trigger("order-1", "status-updated", Map.of("status", "completed"));

		assertThat(sent).isEqualTo(2);
		byte[] toFirst = first.sent.getLast();
		assertThat(second.sent.getLast()).isSameAs(toFirst);
		JsonNode frame = json.readTree(new String(toFirst, StandardCharsets.UTF_8));
		assertThat(frame.path("event").asString()).isEqualTo("status-updated");
		assertThat(frame.path("channel").asString()).isEqualTo("order-1");
		assertThat(frame.path("data").asString()).isEqualTo("{\"status\":\"completed\"}");
	}

	@Test
	void refusesPublicChannelsWhenTheyAreTurnedOff() {
		PusherServer server = server(false, 10, 1 << 20);
		Recorder client = connect(server);

		client.connection.receive(subscribe("moderator-channel", null));

		assertThat(client.last().path("event").asString()).isEqualTo("pusher:error");
		assertThat(client.last().path("data").path("code").asInt()).isEqualTo(4009);
		assertThat(server.hasSubscribers("moderator-channel")).isFalse();
		String channel = "private-moderator-channel";
		client.connection.receive(subscribe(channel, server.authorize(client.connection.socketId(), channel)));
		assertThat(client.last().path("event").asString()).isEqualTo("pusher_internal:subscription_succeeded");
		assertThat(server.hasSubscribers(channel)).isTrue();
	}

	@Test
	void aSignatureIsWorthNothingOnAnotherConnection() {
		PusherServer server = server(true, 10, 1 << 20);
		Recorder owner = connect(server);
		Recorder thief = connect(server);
		String auth = server.authorize(owner.connection.socketId(), "private-order-1");

		thief.connection.receive(subscribe("private-order-1", auth));

		assertThat(thief.last().path("data").path("code").asInt()).isEqualTo(4009);
		assertThat(server.hasSubscribers("private-order-1")).isFalse();
	}

	@Test
	void closesAClientThatLetsTooMuchWait() {
		PusherServer server = server(true, 10, 2048);
		Recorder slow = connect(server);
		slow.completes = false;
		slow.connection.receive(subscribe("order-1", null));

		for (int i = 0; i < 10; i++) {
			server.trigger("order-1", "big", "\"" + "x".repeat(500) + "\"");
		}

		assertThat(slow.closeCode).isEqualTo(4100);
		assertThat(server.slowConsumerClosures()).isEqualTo(1);
		assertThat(server.hasSubscribers("order-1")).isFalse();
		assertThat(server.connectionCount()).isZero();
	}

	@Test
	void refusesConnectionsOverCapacityAndAdmitsOnceOneCloses() {
		PusherServer server = server(true, 2, 1 << 20);
		Recorder first = connect(server);
		connect(server);

		Recorder third = connect(server);

		assertThat(third.last().path("data").path("code").asInt()).isEqualTo(4100);
		assertThat(third.closeCode).isEqualTo(4100);
		first.connection.closed();
		Recorder fourth = connect(server);
		assertThat(fourth.last().path("event").asString()).isEqualTo("pusher:connection_established");
		assertThat(server.connectionCount()).isEqualTo(2);
	}

	@Test
	void aClosedConnectionLeavesItsChannels() {
		PusherServer server = server(true, 10, 1 << 20);
		Recorder client = connect(server);
		client.connection.receive(subscribe("order-1", null));
		client.connection.receive(subscribe("order-2", null));

		client.connection.closed();

		assertThat(server.hasSubscribers("order-1")).isFalse();
		assertThat(server.channelCount()).isZero();
	}

	private PusherServer server(boolean publicChannels, int maxConnections, long maxQueuedBytes) {
		PusherServer server = new PusherServer(new PusherOptions("key", "secret", publicChannels, 1024, 5,
				maxConnections, maxQueuedBytes, Duration.ofSeconds(120), Duration.ofSeconds(30)), json);
		this.servers.add(server);
		return server;
	}

	private static Recorder connect(PusherServer server) {
		Recorder recorder = new Recorder();
		recorder.connection = server.open(recorder, "key", "7");
		return recorder;
	}

	private static String subscribe(String channel, String auth) {
		return json.writeValueAsString(Map.of("event", "pusher:subscribe", "data",
				(auth != null) ? Map.of("channel", channel, "auth", auth) : Map.of("channel", channel)));
	}

	/** A transport that keeps what is sent and, unless told not to, writes it at once. */
	private static final class Recorder implements PusherTransport {

		final List<byte[]> sent = new ArrayList<>();

		PusherConnection connection;

		boolean completes = true;

		int closeCode;

		@Override
		public void send(byte[] text, Runnable done) {
			this.sent.add(text);
			if (this.completes) {
				done.run();
			}
		}

		@Override
		public void close(int code, String reason) {
			this.closeCode = code;
		}

		JsonNode last() {
			return json.readTree(new String(this.sent.getLast(), StandardCharsets.UTF_8));
		}

	}

}
