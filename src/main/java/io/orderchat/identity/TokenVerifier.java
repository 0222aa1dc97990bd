package io.orderchat.identity;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jwt.JWTClaimsSet;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The identity module's entry point: turns a bearer token into a {@link Caller} or
 * refuses it with {@code UNAUTHENTICATED} (missing, malformed, wrong signature, unknown
 * role), {@code TOKEN_EXPIRED} or {@code TOKEN_REVOKED} (its user was signed out
 * everywhere after it was issued: {@link TokenRevocations}, checked in memory).
 * <p>
 * HMAC tokens (HS256/384/512) are checked against the configured secret (or the demo
 * issuer's), RSA and EC tokens against the configured JWKS. Claims: {@code sub} (or
 * {@code id} / {@code userId}), {@code name} (or {@code username} / {@code email}),
 * {@code role} (wire names or the seeds' aliases; a token without a role is a
 * customer's), {@code exp}, {@code nbf}. Each verified caller is remembered in the users
 * table. A token verified lately is recognised by its text ({@link VerifiedTokens}) and
 * only its expiry checked again. The caller's expiry must still be checked on every later
 * action of a long-lived connection with {@link Caller#expiredAt}.
 */
@Service
public class TokenVerifier {

	private static final Logger log = LoggerFactory.getLogger(TokenVerifier.class);

	private static final Map<JWSAlgorithm, String> HMACS = Map.of(JWSAlgorithm.HS256, "HmacSHA256", JWSAlgorithm.HS384,
			"HmacSHA384", JWSAlgorithm.HS512, "HmacSHA512");

	private final SigningKeys keys;

	private final KnownUsers users;

	private final Clock clock;

	private final VerifiedTokens verified = new VerifiedTokens();

	/** Never used themselves, only copied (the copies are not thread-safe). */
	private final Map<String, Mac> keyedMacs;

	private final Duration maxTokenAge;

	private final FirstSeenTokens firstSeen;

	private final CompactJws.Headers headers = new CompactJws.Headers();

	private final TokenRevocations.Revoked revocations;

	TokenVerifier(SigningKeys keys, KnownUsers users, Clock clock) {
		this(keys, users, clock, IdentityProperties.DEFAULT_MAX_TOKEN_AGE);
	}

	@Autowired
	TokenVerifier(SigningKeys keys, KnownUsers users, Clock clock, IdentityProperties properties,
			TokenRevocations revocations) {
		this(keys, users, clock, properties.maxTokenAge(), revocations.revoked());
	}

	TokenVerifier(SigningKeys keys, KnownUsers users, Clock clock, Duration maxTokenAge) {
		this(keys, users, clock, maxTokenAge, new TokenRevocations.Revoked());
	}

	TokenVerifier(SigningKeys keys, KnownUsers users, Clock clock, Duration maxTokenAge,
			TokenRevocations.Revoked revocations) {
		this.revocations = revocations;
		this.keys = keys;
		this.users = users;
		this.clock = clock;
		this.maxTokenAge = maxTokenAge;
		this.firstSeen = new FirstSeenTokens(maxTokenAge);
		this.keyedMacs = keyedMacs(keys.hmacSecret());
	}

	/** Its caches, by name, for their metrics. */
	Map<String, Cache<String, ?>> caches() {
		return Map.of("verifiedTokens", this.verified.cache(), "firstSeenTokens", this.firstSeen.cache());
	}

	/** Verifies {@code token} (with or without a {@code Bearer } prefix) now. */
	public Caller verify(String token) {
		String raw = withoutBearer(token);
		Instant now = this.clock.instant();
		Caller caller = this.verified.find(raw, now);
		if (caller == null) {
			caller = verifyFully(raw, now);
			this.verified.add(raw, caller, now);
		}
		else if (caller.expiredAt(now)) {
			this.verified.forget(raw);
			throw expired(caller.expiresAt());
		}
		this.revocations.check(caller);
		this.users.remember(caller);
		return caller;
	}

	private Caller verifyFully(String raw, Instant now) {
		CompactJws jwt = parse(raw);
		if (!signatureValid(jwt)) {
			throw unauthenticated("The token's signature does not verify");
		}
		JWTClaimsSet claims = claims(jwt);
		return caller(claims, now, expiry(claims, raw, now));
	}

	private static String withoutBearer(String token) {
		if (token == null || token.isBlank()) {
			throw unauthenticated("A bearer token is required");
		}
		String raw = token.strip();
		if (raw.regionMatches(true, 0, "Bearer ", 0, 7)) {
			raw = raw.substring(7).strip();
		}
		return raw;
	}

	private CompactJws parse(String raw) {
		try {
			return CompactJws.parse(raw, this.headers);
		}
		catch (ParseException ex) {
			throw unauthenticated("The token is not a signed JWT");
		}
	}

	private boolean signatureValid(CompactJws jwt) {
		JWSHeader header = jwt.header();
		String hmac = HMACS.get(header.getAlgorithm());
		if (hmac != null) {
			return hmacValid(jwt, hmac);
		}
		if (this.keys.publicKeys() == null) {
			return false;
		}
		try {
			List<JWK> candidates = this.keys.publicKeys().get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
			DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
			for (Key key : KeyConverter.toJavaKeys(candidates)) {
				try {
					if (factory.createJWSVerifier(header, key).verify(header, jwt.signingInput(), jwt.signature())) {
						return true;
					}
				}
				catch (JOSEException ex) {
					// a key of the wrong kind for this algorithm: try the next one
				}
			}
			return false;
		}
		catch (KeySourceException ex) {
			log.warn("Could not load the JWKS to verify a token: {}", ex.getMessage());
			throw unauthenticated("The token's signing keys could not be loaded");
		}
	}

	/**
	 * Checks an HMAC signature directly rather than with Nimbus's MACVerifier, which
	 * refuses secrets shorter than 256 bits that the seeds' host apps may well use.
	 */
	private boolean hmacValid(CompactJws jwt, String algorithm) {
		try {
			byte[] expected = mac(algorithm).doFinal(jwt.signingInput());
			return MessageDigest.isEqual(expected, jwt.signature().decode());
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * A fresh MAC keyed with the secret: a copy of one made once, which costs half of a
	 * provider lookup and key setup per token.
	 */
	private Mac mac(String algorithm) throws GeneralSecurityException {
		Mac keyed = this.keyedMacs.get(algorithm);
		if (keyed != null) {
			try {
				return (Mac) keyed.clone();
			}
			catch (CloneNotSupportedException ex) {
				// a provider whose MACs cannot be copied: key one for this token
			}
		}
		Mac mac = Mac.getInstance(algorithm);
		mac.init(new SecretKeySpec(this.keys.hmacSecret(), algorithm));
		return mac;
	}

	private static Map<String, Mac> keyedMacs(byte[] secret) {
		Map<String, Mac> macs = new HashMap<>();
		for (String algorithm : HMACS.values()) {
			try {
				Mac mac = Mac.getInstance(algorithm);
				mac.init(new SecretKeySpec(secret, algorithm));
				macs.put(algorithm, mac);
			}
			catch (GeneralSecurityException ex) {
				// not available here: mac() tries again per token and fails as before
			}
		}
		return Map.copyOf(macs);
	}

	private static JWTClaimsSet claims(CompactJws jwt) {
		try {
			return JWTClaimsSet.parse(jwt.payload().decodeToString());
		}
		catch (ParseException ex) {
			throw unauthenticated("The token's claims are not a JSON object");
		}
	}

	/** The caller a token names, valid until {@code expiry}. */
	private static Caller caller(JWTClaimsSet claims, Instant now, Instant expiry) {
		if (!now.isBefore(expiry)) {
			throw expired(expiry);
		}
		Date notBefore = claims.getNotBeforeTime();
		if (notBefore != null && now.isBefore(notBefore.toInstant())) {
			throw unauthenticated("The token is not valid before " + notBefore.toInstant());
		}
		String userId = firstText(claims, "sub", "id", "userId", "_id");
		if (userId == null) {
			throw unauthenticated("The token names no user (claim 'sub')");
		}
		Role role = role(claims);
		String name = firstText(claims, "name", "username", "email");
		Date issued = claims.getIssueTime();
		return new Caller(userId, name, role, expiry, (issued != null) ? issued.toInstant() : null);
	}

	/**
	 * The token's {@code exp}; without one, the maximum token age after its {@code iat},
	 * or after this node first saw it when it has neither.
	 */
	private Instant expiry(JWTClaimsSet claims, String raw, Instant now) {
		Date expiry = claims.getExpirationTime();
		if (expiry != null) {
			return expiry.toInstant();
		}
		Date issued = claims.getIssueTime();
		if (issued == null) {
			return this.firstSeen.expiry(raw, now);
		}
		return issued.toInstant().plus(this.maxTokenAge);
	}

	private static Role role(JWTClaimsSet claims) {
		Object claim = claims.getClaim("role");
		if (claim == null && claims.getClaim("roles") instanceof List<?> roles && !roles.isEmpty()) {
			claim = roles.getFirst();
		}
		if (claim == null) {
			return Role.CUSTOMER;
		}
		String value = String.valueOf(claim);
		return Role.parse(value).orElseThrow(() -> unauthenticated("The token's role '" + value + "' is not known"));
	}

	private static String firstText(JWTClaimsSet claims, String... names) {
		for (String name : names) {
			Object value = claims.getClaim(name);
			if (value instanceof String text && !text.isBlank()) {
				return text.strip();
			}
			if (value instanceof Number number) {
				return number.toString();
			}
		}
		return null;
	}

	private static DomainException expired(Instant expiry) {
		return new DomainException(ErrorCode.TOKEN_EXPIRED, "The token expired at " + expiry);
	}

	private static DomainException unauthenticated(String message) {
		return new DomainException(ErrorCode.UNAUTHENTICATED, message);
	}

}
