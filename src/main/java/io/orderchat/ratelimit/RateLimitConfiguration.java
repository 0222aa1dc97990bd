package io.orderchat.ratelimit;

import java.time.Duration;
import java.util.Comparator;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.shared.ClusterMode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The limiter (in memory on a single node; in cluster mode io.orderchat.cluster shares it
 * through Redis behind {@link RateLimiter}), the limits, and the per-address rate on
 * {@code /api/**}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/**
	 * Buckets idle this long, at least, are dropped (they would be full again anyway).
	 */
	private static final Duration MIN_IDLE_EXPIRY = Duration.ofMinutes(1);

	@Bean
	@ClusterMode.SingleNode
	RateLimiter rateLimiter(LimitProperties properties) {
		Duration longestRefill = RateLimits.rates(properties)
			.values()
			.stream()
			.map(Rate::refillTime)
			.max(Comparator.naturalOrder())
			.orElse(MIN_IDLE_EXPIRY);
		Duration idleExpiry = (longestRefill.compareTo(MIN_IDLE_EXPIRY) > 0) ? longestRefill : MIN_IDLE_EXPIRY;
		return new InMemoryRateLimiter(properties.maxTrackedKeys(), idleExpiry);
	}

	@Bean
	RateLimits rateLimits(RateLimiter limiter, LimitProperties properties, MeterRegistry registry) {
		return new RateLimits(limiter, properties, registry);
	}

	@Bean
	WebMvcConfigurer requestRateLimit(RateLimits limits) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				// pusher-js's channel authorization is REST like the API, and as cheap to
				// hammer
				registry.addInterceptor(new RequestRateLimit(limits)).addPathPatterns("/api/**", "/pusher/auth");
			}
		};
	}

}
