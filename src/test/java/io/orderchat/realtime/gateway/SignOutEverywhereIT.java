package io.orderchat.realtime.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import io.orderchat.identity.Role;
import io.orderchat.testing.Api.Response;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing a user out everywhere on one node: their open sockets are told
 * ({@code session:expired} with {@code TOKEN_REVOKED}) and closed, their old tokens are
 * refused on REST, at the socket handshake and at {@code /pusher/auth}, and a token
 * issued since works.
 */
class SignOutEverywhereIT extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void signingAUserOutClosesTheirSocketsAndRefusesTheirOldTokensButNotANewOne() throws Exception {
		Person carla = person("Carla", Role.CUSTOMER);
		Person admin = person("Ada", Role.ADMIN);
		String oldToken = issuedAt(carla, Instant.now().minusSeconds(5));
		RawSocketIo socket = RawSocketIo.open(this.port, oldToken);
		RawSocketIo bystander = RawSocketIo.open(this.port, person("Bea", Role.CUSTOMER).token());
		// a token the host app issued (by its clock) after the moment of the sign-out
		RawSocketIo newer = RawSocketIo.open(this.port, issuedAt(carla, Instant.now().plusSeconds(30)));
		assertThat(api().get("/api/unread", oldToken).status()).isEqualTo(200);

		Response signedOut = api().post("/api/admin/users/" + carla.id() + "/sign-out", admin.token(),
				"{\"reason\":\"banned by the marketplace\"}");

		assertThat(signedOut.status()).as(signedOut.text()).isEqualTo(200);
		assertThat(signedOut.data().path("userId").asString()).isEqualTo(carla.id());
		assertThat(signedOut.data().path("reason").asString()).isEqualTo("banned by the marketplace");
		assertThat(signedOut.data().path("revokedBy").asString()).isEqualTo(admin.id());
		Instant notBefore = Instant.parse(signedOut.data().path("notBefore").asString());
		assertThat(socket.awaitFrame("\"code\":\"TOKEN_REVOKED\"", WAIT) && socket.received()
			.stream()
			.anyMatch((frame) -> frame.startsWith("42[\"session:expired\"") && frame.contains("TOKEN_REVOKED")))
			.as("told why it is closed: %s", socket.received())
			.isTrue();
		assertThat(socket.awaitExactFrame("41", WAIT)).as("a Socket.IO DISCONNECT from the server").isTrue();
		assertThat(bystander.awaitFrame("TOKEN_REVOKED", Duration.ofMillis(500))).isFalse();
		assertThat(newer.awaitFrame("TOKEN_REVOKED", Duration.ofMillis(100))).as("issued after it: stays").isFalse();

		Response rest = api().get("/api/unread", oldToken);
		assertThat(rest.status()).isEqualTo(401);
		assertThat(rest.errorCode()).isEqualTo("TOKEN_REVOKED");
		assertThat(api().get("/api/unread", carla.token()).errorCode())
			.as("a token without iat cannot show it is newer")
			.isEqualTo("TOKEN_REVOKED");
		assertThat(api().post("/pusher/auth", oldToken, "{\"socket_id\":\"1.2\",\"channel_name\":\"private-x\"}")
			.errorCode()).isEqualTo("TOKEN_REVOKED");
		assertThatThrownBy(() -> RawSocketIo.open(this.port, oldToken)).hasMessageContaining("TOKEN_REVOKED");

		String newToken = issuedAt(carla, notBefore);
		assertThat(api().get("/api/unread", newToken).status()).isEqualTo(200);
		RawSocketIo again = RawSocketIo.open(this.port, newToken);
		assertThat(again.isClosed()).isFalse();

		Response audit = api().get("/api/admin/audit?actorId=" + admin.id(), admin.token());
		assertThat(audit.text()).contains("\"action\":\"user.signed_out\"", carla.id(), "banned by the marketplace");
		socket.close();
		bystander.close();
		newer.close();
		again.close();
	}

	@Test
	void onlyAdminsSignUsersOut() {
		Person carla = person("Carla", Role.CUSTOMER);
		Person moderator = person("Mona", Role.MODERATOR);

		Response refused = api().post("/api/admin/users/" + carla.id() + "/sign-out", moderator.token(), null);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(api().get("/api/unread", carla.token()).status()).as("nothing revoked").isEqualTo(200);
		assertThat(api()
			.post("/api/admin/users/" + carla.id() + "/sign-out", person("Ada", Role.ADMIN).token(),
					"{\"reason\":\"" + "x".repeat(501) + "\"}")
			.errorCode()).isEqualTo("VALIDATION_FAILED");
	}

	/** A token of {@code person} with {@code iat}, as host apps issue them. */
	static String issuedAt(Person person, Instant issuedAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(person.id())
			.claim("name", person.name())
			.claim("role", person.role().wire())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(Instant.now().plusSeconds(3600)))
			.build();
		return signed(claims);
	}

}
