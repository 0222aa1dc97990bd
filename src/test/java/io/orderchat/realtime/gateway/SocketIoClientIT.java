package io.orderchat.realtime.gateway;

import java.time.Duration;
import java.util.Map;

import io.orderchat.socketio.ConnectionRefused;
import io.orderchat.socketio.Namespace;
import io.orderchat.socketio.SocketIoServer;
import io.orderchat.testing.NodeTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the Socket.IO endpoint of a Spring Boot server (Jetty, the real servlet binding)
 * with the stock npm socket.io-client@4: runs every {@code e2e/engine/*.test.mjs} with
 * {@code node --test} and fails if node reports any failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = SocketIoClientIT.EchoApplication.class)
class SocketIoClientIT {

	@LocalServerPort
	int port;

	@Autowired
	SocketIoServer server;

	@Test
	void stockClientPassesTheEngineEndToEndTests() {
		NodeTests.run("e2e/engine", Map.of("SOCKET_URL", "http://localhost:" + this.port));
		assertThat(this.server.sockets().size()).as("sockets left connected").isLessThanOrEqualTo(1);
	}

	/** Only the web server, Jackson and the Socket.IO binding: no database. */
	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
	@Import(SocketIoServerConfiguration.class)
	static class EchoApplication {

		EchoApplication(SocketIoServer server) {
			configure(server);
		}

		/** The events the Node tests use. */
		static void configure(SocketIoServer server) {
			Namespace main = server.sockets();
			main.use((socket) -> {
				if ("reject-me".equals(socket.handshake().auth().path("token").asString(""))) {
					throw new ConnectionRefused("bad token", Map.of("reason", "token refused"));
				}
			});
			main.onConnection((socket) -> {
				socket.emit("auth", socket.handshake().auth());
				socket.on("echo", (args, ack) -> ack.send((Object[]) args));
				socket.on("echo-bin", (args, ack) -> ack.send((Object[]) args));
				socket.on("whoami", (args, ack) -> ack.send(socket.handshake().auth()));
				socket.on("join", (args, ack) -> {
					socket.join(args[0].asString());
					ack.send("joined");
				});
				socket.on("to-room", (args, ack) -> main.to(args[0].asString()).emit("room-msg", args[1]));
				socket.on("to-room-except-me", (args, ack) -> socket.to(args[0].asString()).emit("room-msg", args[1]));
				socket.on("broadcast-all", (args, ack) -> main.emit("everyone", args[0]));
				socket.on("ask-me", (args, ack) -> socket.emitWithAck(Duration.ofSeconds(5), "question", args[0])
					.thenAccept((reply) -> socket.emit("answer", (Object[]) reply)));
				socket.on("disconnect-me", (args, ack) -> socket.disconnect(false));
			});
		}

	}

}
