package io.orderchat.realtime.gateway;

import io.orderchat.shared.web.WebProperties;
import io.orderchat.socketio.SocketIoOptions;
import io.orderchat.socketio.SocketIoServer;
import io.orderchat.socketio.servlet.ClientBundle;
import io.orderchat.socketio.servlet.EngineIoServlet;

import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the Socket.IO server on the application's port: the {@link SocketIoServer} bean
 * (the gateway adds its namespaces' handlers to it) and its servlet at
 * {@code /socket.io/*}, which serves long polling, the WebSocket upgrade (Jetty's
 * WebSocket container, installed by Spring Boot's Jetty support) and
 * {@code /socket.io/socket.io.js}. The servlet's path mapping is more specific than the
 * DispatcherServlet's {@code /}, so Spring MVC never sees these requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SocketIoProperties.class, WebProperties.class })
class SocketIoServerConfiguration {

	@Bean(destroyMethod = "close")
	SocketIoServer socketIoServer(SocketIoProperties properties, WebProperties web, JsonMapper json) {
		SocketIoOptions options = SocketIoOptions.defaults()
			.withPingInterval(properties.pingInterval())
			.withPingTimeout(properties.pingTimeout())
			.withMaxPayload(properties.maxPayload())
			.withAllowedOrigins(web.allowedOrigins())
			.withOutboundQueueLimit(properties.outboundQueueLimit());
		// Spring's mapper, so that socket payloads are written like REST bodies.
		return new SocketIoServer(options, json);
	}

	@Bean
	ServletRegistrationBean<EngineIoServlet> socketIoServlet(SocketIoServer server) {
		ServletRegistrationBean<EngineIoServlet> registration = new ServletRegistrationBean<>(
				new EngineIoServlet(server.engine(), ClientBundle.fromClasspath()), "/socket.io/*");
		registration.setName("socketIo");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

}
