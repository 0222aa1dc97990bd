package io.orderchat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * OrderChat: a real-time chat server for orders, with a Socket.IO v4 endpoint and a REST
 * API on one port.
 */
// Log events are counted by shared.LogEventsMeter: the binder's turbo filter taxes every
// level check.
@SpringBootApplication(exclude = LogbackMetricsAutoConfiguration.class)
@ConfigurationPropertiesScan
public class OrderChatApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderChatApplication.class, args);
	}

}
