package io.orderchat.identity;

import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires token checking into Spring MVC: every {@code /api/**} call and the Pusher channel
 * authorization ({@code /pusher/auth}) need a bearer token, except the demo issuer and
 * the health check. A light interceptor rather than Spring Security: there is one rule,
 * and the socket gateway checks tokens itself.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration implements WebMvcConfigurer {

	/** The paths that need a bearer token, but for {@link #OPEN}. */
	static final List<String> GUARDED = List.of("/api/**", "/pusher/auth");

	/** The demo issuer: no token. */
	static final String OPEN = "/api/demo/**";

	private final TokenVerifier verifier;

	IdentityConfiguration(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Bean
	static SigningKeys signingKeys(IdentityProperties properties) {
		return SigningKeys.from(properties);
	}

	/** Hits, misses and evictions of the token caches, as {@code cache.*} metrics. */
	@Bean
	MeterBinder tokenCacheMetrics() {
		return (registry) -> this.verifier.caches()
			.forEach((name, cache) -> CaffeineCacheMetrics.monitor(registry, cache, name));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new BearerAuthentication(this.verifier))
			.addPathPatterns(GUARDED)
			.excludePathPatterns(OPEN);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgument());
	}

}
