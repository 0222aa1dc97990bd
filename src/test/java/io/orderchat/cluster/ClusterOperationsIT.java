package io.orderchat.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.orderchat.realtime.gateway.RawSocketIo;
import io.orderchat.testing.Api;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.ServerProcess;
import io.orderchat.testing.TestCluster;
import io.orderchat.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cluster-wide operations the product uses, on two nodes (processes of their own
 * sharing PostgreSQL and the tests' Redis under a key prefix of their own): signing a
 * user out on one node closes their socket on the other, which refuses the old token at
 * once though it never read the revocation from the database after its start; a
 * conversation's presence counts the connections of every node.
 */
class ClusterOperationsIT {

	private static final String REDIS_URL = System.getenv()
		.getOrDefault("ORDERCHAT_IT_REDIS_URL", "redis://127.0.0.1:6379");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static ServerProcess first;

	private static ServerProcess second;

	@BeforeAll
	static void startTwoNodes() {
		ServerProcess.Options options = ServerProcess.options("signout", TestDatabase.freshPostgres())
			.env("REDIS_URL", REDIS_URL)
			.env("UPLOAD_SIGNING_SECRET", TestCluster.SIGNING_SECRET)
			.javaOptions("-Xmx384m", "-XX:TieredStopAtLevel=1")
			.arguments("--orderchat.cluster.key-prefix=it-" + UUID.randomUUID().toString().substring(0, 8) + ":");
		CompletableFuture<ServerProcess> one = CompletableFuture
			.supplyAsync(() -> ServerProcess.start(options.copy("signout-node1").env("NODE_ID", "node1")));
		CompletableFuture<ServerProcess> two = CompletableFuture
			.supplyAsync(() -> ServerProcess.start(options.copy("signout-node2").env("NODE_ID", "node2")));
		first = one.join();
		second = two.join();
	}

	@AfterAll
	static void stopNodes() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
	}

	@Test
	void signingOutOnOneNodeClosesTheSocketOnTheOtherAndTheOtherRefusesTheOldToken() throws Exception {
		String carla = "carla-" + UUID.randomUUID().toString().substring(0, 8);
		String oldToken = token(carla, "customer", Instant.now().minusSeconds(5));
		RawSocketIo onFirst = RawSocketIo.open(first.port(), oldToken);
		RawSocketIo onSecond = RawSocketIo.open(second.port(), oldToken);

		Response signedOut = new Api(first.port()).post("/api/admin/users/" + carla + "/sign-out",
				token("host-service", "admin", Instant.now()), "{\"reason\":\"banned\"}");

		assertThat(signedOut.status()).as(signedOut.text()).isEqualTo(200);
		for (RawSocketIo socket : new RawSocketIo[] { onSecond, onFirst }) {
			assertThat(socket.awaitFrame("TOKEN_REVOKED", WAIT)).as("told: %s", socket.received()).isTrue();
			assertThat(socket.awaitExactFrame("41", WAIT)).as("disconnected: %s", socket.received()).isTrue();
		}
		assertThat(new Api(second.port()).get("/api/unread", oldToken).errorCode()).isEqualTo("TOKEN_REVOKED");
		assertThatThrownBy(() -> RawSocketIo.open(second.port(), oldToken)).hasMessageContaining("TOKEN_REVOKED");
		Instant notBefore = Instant.parse(signedOut.data().path("notBefore").asString());
		RawSocketIo again = RawSocketIo.open(second.port(), token(carla, "customer", notBefore));
		assertThat(again.isClosed()).isFalse();
		onFirst.close();
		onSecond.close();
		again.close();
	}

	@Test
	void aConversationsPresenceCountsTheConnectionsOfEveryNode() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String admin = token("host-service", "admin", Instant.now());
		Response placed = new Api(first.port()).post("/api/orders/external", admin,
				"{\"externalId\":\"presence-" + suffix + "\",\"customer\":{\"id\":\"cu-" + suffix
						+ "\",\"name\":\"Cleo\"},\"performer\":{\"id\":\"pe-" + suffix + "\",\"name\":\"Pim\"}}");
		assertThat(placed.status()).as(placed.text()).isEqualTo(201);
		String conversation = placed.data().path("chatRoomId").asString();
		String customer = token("cu-" + suffix, "customer", Instant.now());
		RawSocketIo onFirst = RawSocketIo.open(first.port(), customer);
		RawSocketIo onSecond = RawSocketIo.open(second.port(), customer);

		Response presence = new Api(second.port()).get("/api/conversations/" + conversation + "/presence",
				token("pe-" + suffix, "performer", Instant.now()));

		assertThat(presence.status()).as(presence.text()).isEqualTo(200);
		assertThat(presence.data().path("online").asInt()).isEqualTo(1);
		assertThat(presence.data().path("connections").asInt()).as("one socket on each node").isEqualTo(2);
		assertThat(presence.text()).contains("{\"userId\":\"cu-" + suffix
				+ "\",\"name\":\"Cleo\",\"role\":\"customer\",\"online\":true,\"connections\":2}");
		onFirst.close();
		onSecond.close();
	}

	private static String token(String userId, String role, Instant issuedAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId)
			.claim("role", role)
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(Instant.now().plusSeconds(3600)))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(IntegrationTest.SECRET.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
