package io.orderchat.identity;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.testing.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTest {

	static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

	static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	final KnownUsers noUsers = new KnownUsers(null, this.clock) {
		@Override
		void remember(Caller caller) {
		}
	};

	final TokenVerifier hmac = new TokenVerifier(
			SigningKeys.from(new IdentityProperties(SECRET, null, Duration.ofHours(1))), this.noUsers, this.clock);

	@Test
	void acceptsAnHs256TokenAndReadsItsClaims() throws Exception {
		String token = hs256(SECRET, claims("u1", "Ann", "performer", NOW.plusSeconds(60)));

		Caller caller = this.hmac.verify(token);

		assertThat(caller).isEqualTo(new Caller("u1", "Ann", Role.PERFORMER, NOW.plusSeconds(60)));
		assertThat(caller.isStaff()).isFalse();
		assertThat(caller.expiredAt(NOW)).isFalse();
		assertThat(caller.expiredAt(NOW.plusSeconds(60))).isTrue();
	}

	@Test
	void acceptsTheBearerPrefix() throws Exception {
		String token = hs256(SECRET, claims("u1", "Ann", "customer", NOW.plusSeconds(60)));

		assertThat(this.hmac.verify("Bearer " + token).userId()).isEqualTo("u1");
	}

	@Test
	void acceptsAShortSecretAsNodeAppsUseThem() throws Exception {
		TokenVerifier shortSecret = new TokenVerifier(
				SigningKeys.from(new IdentityProperties("short", null, Duration.ofHours(1))), this.noUsers, this.clock);
		String token = manualHs256("short", claims("u2", "Bo", "client", NOW.plusSeconds(60)));

		Caller caller = shortSecret.verify(token);

		assertThat(caller.role()).isEqualTo(Role.CUSTOMER);
		assertThat(caller.expiresAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		String token = hs256(SECRET, claims("u1", "Ann", "customer", NOW.minusSeconds(1)));

		assertRefused(() -> this.hmac.verify(token), ErrorCode.TOKEN_EXPIRED);
	}

	@Test
	void refusesATokenExpiringThisInstant() throws Exception {
		String token = hs256(SECRET, claims("u1", "Ann", "customer", NOW));

		assertRefused(() -> this.hmac.verify(token), ErrorCode.TOKEN_EXPIRED);
	}

	@Test
	void refusesATokenSignedWithAnotherSecret() throws Exception {
		String token = hs256("another-secret-that-is-also-32-bytes-long!!", claims("u1", "Ann", "customer", null));

		assertRefused(() -> this.hmac.verify(token), ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void refusesATamperedToken() throws Exception {
		String token = hs256(SECRET, claims("u1", "Ann", "customer", null));
		String[] parts = token.split("\\.");
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"sub\":\"u1\",\"role\":\"admin\"}".getBytes(StandardCharsets.UTF_8));

		assertRefused(() -> this.hmac.verify(parts[0] + "." + forged + "." + parts[2]), ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void refusesAnUnknownRole() throws Exception {
		String token = hs256(SECRET, claims("u1", "Ann", "wizard", NOW.plusSeconds(60)));

		assertThatThrownBy(() -> this.hmac.verify(token)).isInstanceOfSatisfying(DomainException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
			assertThat(ex.getMessage()).contains("wizard");
		});
	}

	@Test
	void refusesMissingAndMalformedTokens() {
		assertRefused(() -> this.hmac.verify(null), ErrorCode.UNAUTHENTICATED);
		assertRefused(() -> this.hmac.verify("  "), ErrorCode.UNAUTHENTICATED);
		assertRefused(() -> this.hmac.verify("Bearer not.a.jwt"), ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void refusesATokenWithoutUser() throws Exception {
		String token = hs256(SECRET, new JWTClaimsSet.Builder().claim("role", "customer").build());

		assertRefused(() -> this.hmac.verify(token), ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void refusesATokenNotValidYet() throws Exception {
		String token = hs256(SECRET,
				new JWTClaimsSet.Builder().subject("u1")
					.issueTime(Date.from(NOW))
					.notBeforeTime(Date.from(NOW.plusSeconds(30)))
					.build());

		assertRefused(() -> this.hmac.verify(token), ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void refusesTheTokensOfASignedOutUserIssuedBeforeTheRevocationOrWithoutIat() throws Exception {
		TokenRevocations.Revoked revoked = new TokenRevocations.Revoked();
		TokenVerifier verifier = new TokenVerifier(
				new SigningKeys(SECRET.getBytes(StandardCharsets.UTF_8), null, false), this.noUsers, this.clock,
				Duration.ofHours(24), revoked);
		String before = hs256(SECRET,
				new JWTClaimsSet.Builder().subject("u-1")
					.issueTime(Date.from(NOW.minusSeconds(1)))
					.expirationTime(Date.from(NOW.plusSeconds(600)))
					.build());
		String sameSecond = hs256(SECRET,
				new JWTClaimsSet.Builder().subject("u-1")
					.issueTime(Date.from(NOW))
					.expirationTime(Date.from(NOW.plusSeconds(600)))
					.build());
		String withoutIat = hs256(SECRET,
				new JWTClaimsSet.Builder().subject("u-1").expirationTime(Date.from(NOW.plusSeconds(600))).build());
		String someoneElse = hs256(SECRET,
				new JWTClaimsSet.Builder().subject("u-2")
					.issueTime(Date.from(NOW.minusSeconds(1)))
					.expirationTime(Date.from(NOW.plusSeconds(600)))
					.build());
		assertThat(verifier.verify(before).userId()).as("cached as verified").isEqualTo("u-1");

		revoked.learn("u-1", NOW);

		assertRefused(() -> verifier.verify(before), ErrorCode.TOKEN_REVOKED);
		assertRefused(() -> verifier.verify(withoutIat), ErrorCode.TOKEN_REVOKED);
		assertThat(verifier.verify(sameSecond).userId()).isEqualTo("u-1");
		assertThat(verifier.verify(someoneElse).userId()).isEqualTo("u-2");
		revoked.learn("u-1", NOW.minusSeconds(60));
		assertRefused(() -> verifier.verify(before), ErrorCode.TOKEN_REVOKED);
	}

	@Test
	void readsTheSeedsClaimVariants() throws Exception {
		String token = hs256(SECRET,
				new JWTClaimsSet.Builder().claim("id", 42)
					.claim("username", "driver42")
					.claim("roles", List.of("courier"))
					.issueTime(Date.from(NOW))
					.build());

		Caller caller = this.hmac.verify(token);

		assertThat(caller).isEqualTo(new Caller("42", "driver42", Role.PERFORMER, NOW.plus(Duration.ofHours(24)), NOW));
	}

	@Test
	void aTokenWithoutRoleIsACustomersAndNameFallsBackToTheId() throws Exception {
		Caller caller = this.hmac.verify(hs256(SECRET,
				new JWTClaimsSet.Builder().claim("userId", "u9")
					.expirationTime(Date.from(NOW.plusSeconds(60)))
					.build()));

		assertThat(caller).isEqualTo(new Caller("u9", "u9", Role.CUSTOMER, NOW.plusSeconds(60)));
	}

	@Test
	void aTokenWithoutExpExpiresTheMaximumAgeAfterItWasIssued() throws Exception {
		TokenVerifier verifier = new TokenVerifier(
				SigningKeys.from(new IdentityProperties(SECRET, null, Duration.ofHours(1))), this.noUsers, this.clock,
				Duration.ofHours(2));
		String fresh = hs256(SECRET,
				new JWTClaimsSet.Builder().subject("u1").issueTime(Date.from(NOW.minusSeconds(3600))).build());
		String old = hs256(SECRET,
				new JWTClaimsSet.Builder().subject("u1").issueTime(Date.from(NOW.minusSeconds(7200))).build());

		assertThat(verifier.verify(fresh).expiresAt()).isEqualTo(NOW.plusSeconds(3600));
		assertRefused(() -> verifier.verify(old), ErrorCode.TOKEN_EXPIRED);
	}

	@Test
	void aTokenWithNeitherExpNorIatExpiresTheMaximumAgeAfterItWasFirstSeen() throws Exception {
		MovableClock clock = new MovableClock(NOW);
		TokenVerifier verifier = new TokenVerifier(
				SigningKeys.from(new IdentityProperties(SECRET, null, Duration.ofHours(1))),
				new KnownUsers(null, clock) {
					@Override
					void remember(Caller caller) {
					}
				}, clock, Duration.ofHours(2));
		String timeless = hs256(SECRET, new JWTClaimsSet.Builder().subject("u1").claim("role", "admin").build());

		assertThat(verifier.verify(timeless).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
		clock.advance(Duration.ofMinutes(90));
		assertThat(verifier.verify(timeless).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
		clock.advance(Duration.ofMinutes(30));
		assertRefused(() -> verifier.verify(timeless), ErrorCode.TOKEN_EXPIRED);
	}

	@Test
	void acceptsAnRs256TokenFromAnInMemoryJwks() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		TokenVerifier verifier = new TokenVerifier(
				new SigningKeys(randomSecret(), new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), false),
				this.noUsers, this.clock);

		Caller caller = verifier.verify(rs256(key, claims("u3", "Mo", "moderator", NOW.plusSeconds(60))));

		assertThat(caller.role()).isEqualTo(Role.MODERATOR);
		assertThat(caller.isStaff()).isTrue();
	}

	@Test
	void refusesAnRs256TokenSignedByAnUnknownKey() throws Exception {
		RSAKey known = new RSAKeyGenerator(2048).keyID("k1").generate();
		RSAKey unknown = new RSAKeyGenerator(2048).keyID("k1").generate();
		TokenVerifier verifier = new TokenVerifier(
				new SigningKeys(randomSecret(), new ImmutableJWKSet<>(new JWKSet(known.toPublicJWK())), false),
				this.noUsers, this.clock);

		String token = rs256(unknown, claims("u3", "Mo", "moderator", null));

		assertRefused(() -> verifier.verify(token), ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void refusesAnRs256TokenWhenNoJwksIsConfigured() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();

		String token = rs256(key, claims("u3", "Mo", "moderator", null));

		assertRefused(() -> this.hmac.verify(token), ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void fetchesTheJwksFromItsUrl() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("web").generate();
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/.well-known/jwks.json", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		server.start();
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
			IdentityProperties properties = new IdentityProperties(null, url, Duration.ofHours(1));
			TokenVerifier verifier = new TokenVerifier(SigningKeys.from(properties), this.noUsers, Clock.systemUTC());

			Caller caller = verifier.verify(rs256(key, claims("u4", "Ada", "admin", Instant.now().plusSeconds(60))));

			assertThat(caller.role()).isEqualTo(Role.ADMIN);
			assertThat(properties.demoEnabled()).isFalse();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void theDemoIssuerRunsOnlyWithoutKeysAndItsTokensVerify() {
		SigningKeys keys = SigningKeys.from(new IdentityProperties(null, null, Duration.ofHours(1)));
		IdentityProperties demo = new IdentityProperties(null, null, Duration.ofHours(1));
		DemoIssuer issuer = new DemoIssuer(keys, demo, this.clock);
		TokenVerifier verifier = new TokenVerifier(keys, this.noUsers, this.clock);

		Caller caller = verifier.verify(issuer.issue("demo-moderator2").token());

		assertThat(caller)
			.isEqualTo(new Caller("demo-moderator2", "Max Moderator", Role.MODERATOR, NOW.plusSeconds(3600), NOW));
		assertThat(SigningKeys.from(new IdentityProperties(SECRET, null, Duration.ofHours(1))).demo()).isFalse();
		DemoIssuer off = new DemoIssuer(SigningKeys.from(new IdentityProperties(SECRET, null, Duration.ofHours(1))),
				demo, this.clock);
		assertRefused(() -> off.issue("demo-customer"), ErrorCode.NOT_FOUND);
	}

	@Test
	void asAskedTheDemoIssuerSignsWithTheSharedSecretSoThatAnotherNodeAcceptsItsTokens() {
		IdentityProperties demoCluster = new IdentityProperties(SECRET, null, Duration.ofHours(1), Duration.ofHours(24),
				true);
		DemoIssuer nodeA = new DemoIssuer(SigningKeys.from(demoCluster), demoCluster, this.clock);
		TokenVerifier nodeB = new TokenVerifier(SigningKeys.from(demoCluster), this.noUsers, this.clock);

		Caller caller = nodeB.verify(nodeA.issue("demo-admin").token());

		assertThat(caller.userId()).isEqualTo("demo-admin");
		assertThat(caller.role()).isEqualTo(Role.ADMIN);
		IdentityProperties jwksOnly = new IdentityProperties(null, "http://127.0.0.1:1/jwks", Duration.ofHours(1),
				Duration.ofHours(24), true);
		assertThatThrownBy(() -> SigningKeys.from(jwksOnly)).hasMessageContaining("DEMO_ISSUER");
	}

	@Test
	void parsesRolesAndTheirAliases() {
		assertThat(Role.parse("CUSTOMER")).contains(Role.CUSTOMER);
		assertThat(Role.parse("client")).contains(Role.CUSTOMER);
		assertThat(Role.parse("user")).contains(Role.CUSTOMER);
		assertThat(Role.parse("agent")).contains(Role.PERFORMER);
		assertThat(Role.parse("shopper")).contains(Role.PERFORMER);
		assertThat(Role.parse("courier")).contains(Role.PERFORMER);
		assertThat(Role.parse("support")).contains(Role.SUPPORT);
		assertThat(Role.parse(" Admin ")).contains(Role.ADMIN);
		assertThat(Role.parse("nobody")).isEmpty();
		assertThat(Role.MODERATOR.wire()).isEqualTo("moderator");
	}

	static JWTClaimsSet claims(String sub, String name, String role, Instant expiry) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(sub).claim("name", name).claim("role", role);
		if (expiry != null) {
			builder.expirationTime(Date.from(expiry));
		}
		return builder.build();
	}

	static String hs256(String secret, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

	/** Signs like Node's jsonwebtoken, which takes secrets of any length. */
	static String manualHs256(String secret, JWTClaimsSet claims) throws Exception {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String input = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return input + "." + base64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
	}

	static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	static byte[] randomSecret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return secret;
	}

	static void assertRefused(Runnable verification, ErrorCode code) {
		assertThatThrownBy(verification::run).isInstanceOfSatisfying(DomainException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(code));
	}

}
