package io.orderchat.identity;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys tokens are checked with: an HMAC secret (the configured one, or a random one
 * per process for the demo issuer) and, optionally, a JWKS of public keys. The demo
 * issuer signs with the configured secret only when asked to ({@code DEMO_ISSUER}), so
 * that a cluster's nodes accept each other's demo tokens.
 *
 * @param hmacSecret never {@code null}
 * @param publicKeys {@code null} when no JWKS URL is configured
 * @param demo whether the demo issuer signs with {@code hmacSecret}
 */
record SigningKeys(byte[] hmacSecret, JWKSource<SecurityContext> publicKeys, boolean demo) {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	static SigningKeys from(IdentityProperties properties) {
		JWKSource<SecurityContext> jwks = null;
		if (properties.hasJwks()) {
			try {
				jwks = JWKSourceBuilder.create(URI.create(properties.jwksUrl().strip()).toURL()).build();
			}
			catch (MalformedURLException | IllegalArgumentException ex) {
				throw new IllegalStateException("orderchat.identity.jwks-url is not a URL: " + properties.jwksUrl(),
						ex);
			}
		}
		if (properties.demoIssuer() && !properties.hasSecret()) {
			throw new IllegalStateException("orderchat.identity.demo-issuer (DEMO_ISSUER) signs with JWT_SECRET, which "
					+ "is not set" + (properties.hasJwks() ? "; a JWKS has no key to sign with" : ""));
		}
		if (properties.hasSecret()) {
			byte[] secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
			if (secret.length < 32) {
				// Node's jsonwebtoken signs with secrets of any length, so the seeds'
				// host apps may
				// use short ones; accept them rather than lock those apps out, but say
				// so.
				log.warn("JWT_SECRET is shorter than 32 bytes; HS256 tokens are accepted but weakly protected");
			}
			if (properties.demoEnabled()) {
				log.warn("DEMO_ISSUER is on: anybody may sign in as any demo user, admin included, with tokens "
						+ "signed with JWT_SECRET. For demos only.");
			}
			return new SigningKeys(secret, jwks, properties.demoEnabled());
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return new SigningKeys(random, jwks, properties.demoEnabled());
	}

}
