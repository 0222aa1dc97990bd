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
 */
@ConfigurationProperties("orderchat.identity")
public record IdentityProperties(String jwtSecret, String jwksUrl, Duration demoTokenTtl, Duration maxTokenAge) {

	static final Duration DEFAULT_MAX_TOKEN_AGE = Duration.ofHours(24);

	@ConstructorBinding
	public IdentityProperties(String jwtSecret, String jwksUrl, @DefaultValue("12h") Duration demoTokenTtl,
			@DefaultValue("24h") Duration maxTokenAge) {
		this.jwtSecret = jwtSecret;
		this.jwksUrl = jwksUrl;
		this.demoTokenTtl = demoTokenTtl;
		this.maxTokenAge = maxTokenAge;
	}

	/** With the default maximum token age. */
	public IdentityProperties(String jwtSecret, String jwksUrl, Duration demoTokenTtl) {
		this(jwtSecret, jwksUrl, demoTokenTtl, DEFAULT_MAX_TOKEN_AGE);
	}

	boolean hasSecret() {
		return this.jwtSecret != null && !this.jwtSecret.isBlank();
	}

	boolean hasJwks() {
		return this.jwksUrl != null && !this.jwksUrl.isBlank();
	}

	/** The demo issuer runs only when the host app has configured no keys of its own. */
	boolean demoEnabled() {
		return !hasSecret() && !hasJwks();
	}

}
