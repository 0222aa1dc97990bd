package io.orderchat.shared.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The REST request limits ({@link RequestLimits}) on {@code /api/*}, first of all filters
 * but the log context ({@link RequestLogContext}), which is set before anything can log.
 * The Socket.IO endpoint has its own ({@code orderchat.socketio.max-payload}).
 */
@Configuration(proxyBeanMethods = false)
class WebLimitsConfiguration {

	@Bean
	FilterRegistrationBean<RequestLimits> requestLimits(
			@Value("${orderchat.server.max-body-size:64KB}") DataSize maxBodySize, JsonMapper json) {
		FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(
				new RequestLimits(maxBodySize, json));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestLogContext> requestLogContext() {
		FilterRegistrationBean<RequestLogContext> registration = new FilterRegistrationBean<>(new RequestLogContext());
		registration.addUrlPatterns("/api/*", "/uploads/*");
		// the very first (HIGHEST_PRECEDENCE - 1 would wrap around to the very last)
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
