package io.orderchat.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** HS256 tokens signed like a host app would sign them, with the secret OrderChat runs with. */
final class Tokens {

	static final String DEFAULT_SECRET = "orderchat-benchmark-secret-not-for-production";

	private final MACSigner signer;

	Tokens(String secret) {
		try {
			this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	String sign(String userId, String role) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId)
			.claim("name", userId)
			.claim("role", role)
			.expirationTime(Date.from(Instant.now().plusSeconds(6 * 3600)))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(this.signer);
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The handshake {@code auth} object for a user. */
	String auth(String userId, String role) {
		return "{\"token\":\"" + sign(userId, role) + "\"}";
	}

}
