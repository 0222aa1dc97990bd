package io.orderchat.realtime.gateway;

import java.util.List;

import io.orderchat.shared.web.SecurityHeaders;
import io.orderchat.shared.web.WebProperties;
import io.orderchat.socketio.SocketIoOptions;
import io.orderchat.socketio.SocketIoServer;
import io.orderchat.socketio.engine.EngineLimits;
import io.orderchat.socketio.engine.EngineServer;
import io.orderchat.socketio.servlet.ClientBundle;
import io.orderchat.socketio.servlet.EngineIoServlet;
import io.orderchat.socketio.servlet.EngineUpgradeHandler;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the Socket.IO server on the application's port: the {@link SocketIoServer} bean
 * (the gateway adds its namespaces' handlers to it) and its servlet at
 * {@code /socket.io/*}, which serves long polling, the WebSocket upgrade (Jetty's
 * WebSocket container, installed by Spring Boot's Jetty support) and
 * {@code /socket.io/socket.io.js}. The servlet's path mapping is more specific than the
 * DispatcherServlet's {@code /}, so Spring MVC never sees these requests, and
 * {@link SocketPathShortcut} keeps them from its filters too. WebSocket handshakes, a
 * connect storm's requests, do not even reach the servlet context:
 * {@link EngineUpgradeHandler} upgrades them on Jetty's core request.
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
			.withOutboundQueueLimit(properties.outboundQueueLimit())
			.withConnectTimeout(properties.limits().connectTimeout())
			.withLimits(engineLimits(properties.limits()));
		// Spring's mapper, so that socket payloads are written like REST bodies.
		return new SocketIoServer(options, json);
	}

	private static EngineLimits engineLimits(SocketIoProperties.Limits limits) {
		return new EngineLimits(limits.outboundPerConnection().toBytes(), limits.congestedAbove().toBytes(),
				limits.outboundTotal().toBytes(), limits.handshakeBurst(), limits.handshakesPerSecond(),
				limits.connectionsPerAddress(), limits.pendingConnections());
	}

	/**
	 * The engine's state for dashboards and alerts: connections, handshakes, slow
	 * consumers, bytes waiting, rooms (README, "Metrics").
	 */
	@Bean
	MeterBinder socketIoMeters(SocketIoServer server) {
		return (registry) -> {
			FunctionCounter
				.builder("orderchat.socketio.slow.consumers", server.engine(), EngineServer::slowConsumerClosures)
				.description("Connections closed because their client did not read what was sent")
				.register(registry);
			FunctionCounter
				.builder("orderchat.socketio.handshakes.refused", server.engine(), EngineServer::refusedHandshakes)
				.description("New connections refused over the per-address or pending limits")
				.register(registry);
			Gauge.builder("orderchat.socketio.outbound.bytes", server.engine(), EngineServer::outboundBytes)
				.description("Bytes waiting for clients to read them")
				.register(registry);
			Gauge.builder("orderchat.socketio.pending.connections", server.engine(), EngineServer::pendingSessions)
				.description("Connections not yet signed in")
				.register(registry);
			for (String transport : List.of("polling", "websocket")) {
				Gauge.builder("orderchat.socketio.connections", server.engine(), (engine) -> engine.size(transport))
					.description("Open connections by their current transport")
					.tag("transport", transport)
					.register(registry);
			}
			FunctionCounter.builder("orderchat.socketio.handshakes", server.engine(), EngineServer::handshakes)
				.description("Connections opened (Engine.IO handshakes admitted)")
				.register(registry);
			Gauge.builder("orderchat.socketio.rooms", server, (io) -> io.sockets().roomSizes().getCount())
				.description("Rooms with sockets of this node (each socket's own room included)")
				.register(registry);
			Gauge.builder("orderchat.socketio.room.sockets.max", server, (io) -> io.sockets().roomSizes().getMax())
				.description("Sockets in this node's largest room")
				.register(registry);
		};
	}

	@Bean
	RealtimeDrain realtimeDrain(SocketIoServer server, ApplicationEventPublisher events) {
		return new RealtimeDrain(server, events);
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

	/**
	 * The engine's WebSocket handshakes answered in front of the servlet context, with
	 * the security headers the filters would have set.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> socketIoUpgrades(SocketIoServer server) {
		return (factory) -> factory.addServerCustomizers(
				(jetty) -> EngineUpgradeHandler.install(jetty, server.engine(), "/socket.io/", SecurityHeaders::addTo));
	}

	/**
	 * First: it sets the security headers itself, so its place among ties is no matter.
	 */
	@Bean
	FilterRegistrationBean<SocketPathShortcut> socketPathShortcut(
			ServletRegistrationBean<EngineIoServlet> socketIoServlet) {
		FilterRegistrationBean<SocketPathShortcut> registration = new FilterRegistrationBean<>(
				new SocketPathShortcut(socketIoServlet.getServlet()), socketIoServlet);
		registration.setName("socketPathShortcut");
		registration.setUrlPatterns(List.of("/socket.io/*"));
		registration.setAsyncSupported(true);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
