package io.orderchat.identity;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * The REST reference's auth scheme: the host app's JWT as a bearer token on every
 * {@code /api/**} call but the demo issuer's and on {@code /pusher/auth}, as
 * {@link IdentityConfiguration} checks it. The {@link Caller} a controller takes is
 * resolved from that token, not a parameter.
 */
@Configuration(proxyBeanMethods = false)
class BearerTokenDocumentation {

	static final String SCHEME = "bearerToken";

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private static final List<SecurityRequirement> BEARER = List.of(new SecurityRequirement().addList(SCHEME));

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenApiCustomizer bearerTokens() {
		return (api) -> {
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents()
				.addSecuritySchemes(SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("The host app's JWT (HS256 with JWT_SECRET, or RS256/ES256 from JWKS_URL): "
									+ "claims sub, name, role, exp. See docs/rest.md, Authentication."));
			if (api.getPaths() != null) {
				api.getPaths()
					.forEach((path, item) -> item.readOperations()
						.forEach((operation) -> operation.setSecurity(guarded(path) ? BEARER : List.of())));
			}
		};
	}

	/** As {@link IdentityConfiguration} guards it, by the same patterns. */
	private static boolean guarded(String path) {
		return IdentityConfiguration.GUARDED.stream().anyMatch((guarded) -> PATHS.match(guarded, path))
				&& !PATHS.match(IdentityConfiguration.OPEN, path);
	}

}
