package io.orderchat.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.orderchat.shared.ErrorCode;
import io.orderchat.testing.MovableClock;
import org.junit.jupiter.api.Test;

import static io.orderchat.identity.TokenVerifierTest.NOW;
import static io.orderchat.identity.TokenVerifierTest.SECRET;
import static io.orderchat.identity.TokenVerifierTest.assertRefused;
import static io.orderchat.identity.TokenVerifierTest.claims;
import static io.orderchat.identity.TokenVerifierTest.hs256;
import static io.orderchat.identity.TokenVerifierTest.randomSecret;
import static io.orderchat.identity.TokenVerifierTest.rs256;
import static org.assertj.core.api.Assertions.assertThat;

/** The cache of verified tokens never changes what {@link TokenVerifier} answers. */
class VerifiedTokensTest {

	final MovableClock clock = new MovableClock(NOW);

	final List<Caller> remembered = new ArrayList<>();

	final KnownUsers users = new KnownUsers(null, this.clock) {
		@Override
		void remember(Caller caller) {
			VerifiedTokensTest.this.remembered.add(caller);
		}
	};

	final TokenVerifier verifier = new TokenVerifier(
			SigningKeys.from(new IdentityProperties(SECRET, null, Duration.ofHours(1))), this.users, this.clock);

	@Test
	void anExpiredTokenIsRefusedEvenIfCached() throws Exception {
		String token = hs256(SECRET, claims("u1", "Ann", "customer", NOW.plusSeconds(60)));
		assertThat(this.verifier.verify(token).userId()).isEqualTo("u1");

		this.clock.moveTo(NOW.plusSeconds(60).minusMillis(1));
		assertThat(this.verifier.verify("Bearer " + token).userId()).isEqualTo("u1");

		this.clock.moveTo(NOW.plusSeconds(60));
		assertRefused(() -> this.verifier.verify(token), ErrorCode.TOKEN_EXPIRED);
		assertRefused(() -> this.verifier.verify(token), ErrorCode.TOKEN_EXPIRED);
	}

	@Test
	void aDifferentTokenForTheSameUserIsVerifiedOnItsOwn() throws Exception {
		String customer = hs256(SECRET, claims("u1", "Ann", "customer", NOW.plusSeconds(60)));
		String forged = hs256("another-secret-that-is-also-32-bytes-long!!",
				claims("u1", "Ann", "admin", NOW.plusSeconds(60)));
		String renamed = hs256(SECRET, claims("u1", "Ann B.", "moderator", NOW.plusSeconds(120)));
		String expired = hs256(SECRET, claims("u1", "Ann", "customer", NOW));

		assertThat(this.verifier.verify(customer).role()).isEqualTo(Role.CUSTOMER);
		assertRefused(() -> this.verifier.verify(forged), ErrorCode.UNAUTHENTICATED);
		assertRefused(() -> this.verifier.verify(expired), ErrorCode.TOKEN_EXPIRED);
		assertThat(this.verifier.verify(renamed))
			.isEqualTo(new Caller("u1", "Ann B.", Role.MODERATOR, NOW.plusSeconds(120)));
		assertThat(this.verifier.verify(customer))
			.isEqualTo(new Caller("u1", "Ann", Role.CUSTOMER, NOW.plusSeconds(60)));
	}

	@Test
	void aCachedCallerIsStillRememberedOnEveryUse() throws Exception {
		String token = hs256(SECRET, claims("u1", "Ann", "customer", NOW.plusSeconds(60)));

		this.verifier.verify(token);
		this.verifier.verify(token);

		assertThat(this.remembered).hasSize(2);
	}

	@Test
	void aCachedTokenIsCheckedAfreshOnceTheRecheckIntervalHasPassed() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		List<JWK> published = new ArrayList<>(List.of(key.toPublicJWK()));
		JWKSource<SecurityContext> jwks = (JWKSelector selector, SecurityContext context) -> selector
			.select(new com.nimbusds.jose.jwk.JWKSet(published));
		TokenVerifier verifier = new TokenVerifier(new SigningKeys(randomSecret(), jwks, false), this.users,
				this.clock);
		String token = rs256(key, claims("u3", "Mo", "moderator", NOW.plus(Duration.ofHours(1))));
		verifier.verify(token);

		published.clear();
		this.clock.moveTo(NOW.plus(VerifiedTokens.RECHECK).minusMillis(1));
		assertThat(verifier.verify(token).userId()).isEqualTo("u3");

		this.clock.moveTo(NOW.plus(VerifiedTokens.RECHECK));
		assertRefused(() -> verifier.verify(token), ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void staysWithinItsCapacity() {
		VerifiedTokens tokens = new VerifiedTokens();
		Caller caller = new Caller("u1", "Ann", Role.CUSTOMER, NOW.plusSeconds(60));

		for (int i = 0; i < VerifiedTokens.CAPACITY * 3; i++) {
			tokens.add("token-" + i, caller, NOW);
		}

		assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.CAPACITY);
	}

}
