package io.orderchat.realtime.pusher;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orderchat.identity.TokenRevocations;
import io.orderchat.orders.OrderManagement;
import io.orderchat.pusher.PusherOptions;
import io.orderchat.pusher.PusherServer;
import io.orderchat.pusher.servlet.PusherServlet;
import io.orderchat.realtime.pipeline.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the Pusher Channels server on the application's port: the {@link PusherServer}
 * bean and its servlet at {@code /app/*}, more specific than the DispatcherServlet's
 * {@code /}, so Spring MVC never sees these requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PusherProperties.class)
class PusherConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PusherConfiguration.class);

	@Bean(destroyMethod = "close")
	PusherServer pusherServer(PusherProperties properties, JsonMapper json) {
		PusherProperties.Limits limits = properties.limits();
		PusherOptions options = new PusherOptions(properties.key(), secret(properties), properties.publicChannels(),
				Math.toIntExact(limits.maxFrameSize().toBytes()), limits.channelsPerConnection(), limits.connections(),
				limits.outboundPerConnection().toBytes(), properties.activityTimeout(), properties.pongTimeout());
		// Spring's mapper, so that event data is written like REST bodies.
		return new PusherServer(options, json);
	}

	private static String secret(PusherProperties properties) {
		if (properties.secret() != null && !properties.secret().isBlank()) {
			return properties.secret();
		}
		logger.info("No PUSHER_SECRET set: private Pusher channels are signed with a random secret of this node");
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	@Bean
	PrivateChannels privateChannels(OrderManagement orders) {
		return new PrivateChannels(orders);
	}

	@Bean
	PusherSignIns pusherSignIns(PusherServer server, TokenRevocations revocations, EventBus bus) {
		PusherSignIns signIns = new PusherSignIns(server, revocations);
		bus.subscribe(signIns);
		return signIns;
	}

	@Bean
	ServletRegistrationBean<PusherServlet> pusherServlet(PusherServer server) {
		ServletRegistrationBean<PusherServlet> registration = new ServletRegistrationBean<>(new PusherServlet(server),
				"/app/*");
		registration.setName("pusher");
		registration.setLoadOnStartup(1);
		return registration;
	}

	/** The endpoint's state for dashboards (README, "Metrics"). */
	@Bean
	MeterBinder pusherMeters(PusherServer server) {
		return (registry) -> {
			Gauge.builder("orderchat.pusher.connections", server, PusherServer::connectionCount)
				.description("Open Pusher connections of this node")
				.register(registry);
			Gauge.builder("orderchat.pusher.channels", server, PusherServer::channelCount)
				.description("Pusher channels with subscribers on this node")
				.register(registry);
			FunctionCounter.builder("orderchat.pusher.connections.refused", server, PusherServer::refusedConnections)
				.description("Pusher connections refused: unknown key, protocol or over capacity")
				.register(registry);
			FunctionCounter.builder("orderchat.pusher.slow.consumers", server, PusherServer::slowConsumerClosures)
				.description("Pusher connections closed because their client did not read what was sent")
				.register(registry);
		};
	}

}
