package io.orderchat.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.orderchat.identity.DemoUsers.DemoUser;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * The built-in identity provider of the embedded default: signs HS256 tokens for the demo
 * users with the per-process secret. Off whenever the host app configured keys of its
 * own, unless {@code DEMO_ISSUER} asks for it with {@code JWT_SECRET} (a demo cluster's
 * shared key).
 */
@Component
class DemoIssuer {

	private final SigningKeys keys;

	private final IdentityProperties properties;

	private final Clock clock;

	DemoIssuer(SigningKeys keys, IdentityProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	boolean enabled() {
		return this.keys.demo();
	}

	IssuedToken issue(String userId) {
		requireEnabled();
		if (userId == null || userId.isBlank()) {
			throw DomainException.invalid("Field 'userId' is required; GET /api/demo/users lists the demo users");
		}
		DemoUser user = DemoUsers.find(userId.strip())
			.orElseThrow(
					() -> DomainException.notFound("No demo user '" + userId + "'; GET /api/demo/users lists them"));
		Instant now = this.clock.instant();
		Instant expiry = now.plus(this.properties.demoTokenTtl());
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user.id())
			.claim("name", user.name())
			.claim("role", user.role().wire())
			.issuer("orderchat-demo")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiry))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(this.keys.hmacSecret()));
			return new IssuedToken(jwt.serialize(), user, expiry);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a demo token", ex);
		}
	}

	void requireEnabled() {
		if (!enabled()) {
			throw new DomainException(ErrorCode.NOT_FOUND,
					"The demo token issuer is off because this server verifies tokens with the host app's keys "
							+ "(JWT_SECRET or JWKS_URL; DEMO_ISSUER=true turns it on with JWT_SECRET, for demos)");
		}
	}

	/** A signed demo token and whom it is for. */
	record IssuedToken(String token, DemoUser user, Instant expiresAt) {
	}

}
