package io.orderchat.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.orderchat.OrderChatApplication;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running server on a random port against this JVM's test database (see
 * {@link TestDatabase}), verifying HS256 tokens the tests sign themselves. The rate
 * limits are raised out of the way ({@link #UNLIMITED}): tests send fast from few users
 * and one address; the tests of the limits set their own.
 */
@Import(RecordedEvents.class)
@SpringBootTest(classes = OrderChatApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orderchat.identity.jwt-secret=" + IntegrationTest.SECRET,
				"orderchat.limits.messages-per-second=" + IntegrationTest.UNLIMITED,
				"orderchat.limits.message-burst=" + IntegrationTest.UNLIMITED,
				"orderchat.limits.orders-per-minute=" + IntegrationTest.UNLIMITED,
				"orderchat.limits.reactions-per-minute=" + IntegrationTest.UNLIMITED,
				"orderchat.limits.uploads-per-minute=" + IntegrationTest.UNLIMITED,
				"orderchat.limits.requests-per-second-per-ip=" + IntegrationTest.UNLIMITED,
				"orderchat.limits.request-burst-per-ip=" + IntegrationTest.UNLIMITED,
				"orderchat.limits.sockets-per-user=" + IntegrationTest.UNLIMITED,
				"orderchat.limits.joins-per-socket=" + IntegrationTest.UNLIMITED,
				"orderchat.socketio.limits.handshake-burst=" + IntegrationTest.UNLIMITED,
				"orderchat.socketio.limits.handshakes-per-second=" + IntegrationTest.UNLIMITED,
				"orderchat.socketio.limits.connections-per-address=" + IntegrationTest.UNLIMITED,
				// contexts share one database: only the webhook tests send deliveries
				"orderchat.webhooks.enabled=false",
				// nor archive: the archiving tests run the archiver themselves
				"orderchat.archive.enabled=false",
				// a dozen cached contexts share PostgreSQL's 100 connections: each keeps
				// one idle
				"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000" })
public abstract class IntegrationTest {

	/** A rate or cap no test reaches. */
	public static final int UNLIMITED = 1_000_000_000;

	public static final String SECRET = "integration-tests-secret-of-32-bytes-or-more";

	@LocalServerPort
	protected int port;

	@Autowired
	protected RecordedEvents events;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.Settings database = TestDatabase.get();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	protected Api api() {
		return new Api(this.port);
	}

	/** A person with a unique id, so tests never see each other's data. */
	protected static Person person(String name, Role role) {
		return new Person(name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID().toString().substring(0, 8),
				name, role);
	}

	public static String token(String userId, String name, Role role, Instant expiry) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId)
			.claim("name", name)
			.claim("role", role.wire())
			.expirationTime(Date.from(expiry))
			.build();
		return signed(claims);
	}

	/** The claims as an HS256 token signed with the test servers' secret. */
	public static String signed(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A test user: their caller, and fresh tokens (each one a separate "device"). */
	public record Person(String id, String name, Role role) {

		public String token() {
			// Distinct expiries make every token a distinct string, like two devices'
			// tokens.
			return IntegrationTest.token(this.id, this.name, this.role,
					Instant.now().plusSeconds(3600 + (System.nanoTime() % 1000)));
		}

		public Caller caller() {
			return new Caller(this.id, this.name, this.role, Instant.now().plusSeconds(3600));
		}

	}

}
