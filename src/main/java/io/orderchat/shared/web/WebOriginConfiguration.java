package io.orderchat.shared.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which browser origins may use the server ({@link WebProperties}, the same list the
 * Socket.IO endpoint uses) and the {@link SecurityHeaders} on every answer. A preflight
 * from an origin not allowed is refused with 403; same-origin calls are no CORS requests
 * and pass untouched.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebOriginConfiguration implements WebMvcConfigurer {

	private final WebProperties properties;

	WebOriginConfiguration(WebProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		CorsRegistration cors = registry.addMapping("/**")
			.allowedMethods("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
			.allowedHeaders(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT)
			.exposedHeaders(HttpHeaders.RETRY_AFTER)
			.maxAge(3600);
		if (this.properties.anyOrigin()) {
			cors.allowedOrigins(WebProperties.ANY_ORIGIN).allowCredentials(false);
		}
		else {
			cors.allowedOrigins(this.properties.allowedOrigins().toArray(String[]::new)).allowCredentials(true);
		}
	}

	@Bean
	FilterRegistrationBean<SecurityHeaders> securityHeaders() {
		FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
