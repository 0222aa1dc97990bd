package io.orderchat.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked.
 *
 * @param jwtSecret the host app's HS256/384/512 shared secret ({@code JWT_SECRET})
 * @param jwksUrl where the host app publishes its RS256/ES256 public keys
 * ({@code JWKS_URL})
 * @param demoTokenTtl lifetime of tokens from the demo issuer, which runs only when
 * neither of the above is configured
 * @param maxTokenAge how long after its {@code iat} a token without {@code exp} is
 * accepted, or after this node first saw it when it has neither: no token is valid for
 * ever
 * @param demoIssuer {@code true} runs the demo issuer even with {@code jwtSecret},
 * signing with it ({@code DEMO_ISSUER}: a cluster's demo, whose nodes must share the
 * key); only for demos, since anybody may then take any demo user's role, admin included
 */
@ConfigurationProperties("orderchat.identity")
public record IdentityProperties(String jwtSecret, String jwksUrl, Duration demoTokenTtl, Duration maxTokenAge,
		boolean demoIssuer) {

	static final Duration DEFAULT_MAX_TOKEN_AGE = Duration.ofHours(24);

	@ConstructorBinding
	public IdentityProperties(String jwtSecret, String jwksUrl, @DefaultValue("12h") Duration demoTokenTtl,
			@DefaultValue("24h") Duration maxTokenAge, @DefaultValue("false") boolean demoIssuer) {
		this.jwtSecret = jwtSecret;
		this.jwksUrl = jwksUrl;
		this.demoTokenTtl = demoTokenTtl;
		this.maxTokenAge = maxTokenAge;
		this.demoIssuer = demoIssuer;
	}

	/** With the default maximum token age, the demo issuer only without keys. */
	public IdentityProperties(String jwtSecret, String jwksUrl, Duration demoTokenTtl) {
		this(jwtSecret, jwksUrl, demoTokenTtl, DEFAULT_MAX_TOKEN_AGE, false);
	}

	boolean hasSecret() {
		return this.jwtSecret != null && !this.jwtSecret.isBlank();
	}

	boolean hasJwks() {
		return this.jwksUrl != null && !this.jwksUrl.isBlank();
	}

	/**
	 * The demo issuer runs when the host app has configured no keys of its own, or when
	 * asked to with a shared secret to sign with.
	 */
	boolean demoEnabled() {
		return (!hasSecret() && !hasJwks()) || (this.demoIssuer && hasSecret());
	}

}
