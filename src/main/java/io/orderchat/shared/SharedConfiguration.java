package io.orderchat.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans every module uses: the one clock (so tests can fix time), and the count of log
 * events by level.
 */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * In place of Micrometer's Logback binder, excluded in {@code OrderChatApplication}.
	 */
	@Bean
	LogEventsMeter logEventsMeter() {
		return new LogEventsMeter();
	}

}
