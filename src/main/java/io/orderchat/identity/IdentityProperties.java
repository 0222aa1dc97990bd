package io.orderchat.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked.
 *
 * @param jwtSecret the host app's HS256/384/512 shared secret ({@code JWT_SECRET})
 * @param jwksUrl where the host app publishes its RS256/ES256 public keys
 * ({@code JWKS_URL})
 * @param demoTokenTtl lifetime of tokens from the demo issuer, which runs only when
 * neither of the above is configured
 */
@ConfigurationProperties("orderchat.identity")
public record IdentityProperties(String jwtSecret, String jwksUrl, @DefaultValue("12h") Duration demoTokenTtl) {

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
