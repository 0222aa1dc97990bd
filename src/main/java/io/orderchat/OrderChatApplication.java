package io.orderchat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * OrderChat: a real-time chat server for orders, with a Socket.IO v4 endpoint and a REST
 * API on one port.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderChatApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderChatApplication.class, args);
	}

}
