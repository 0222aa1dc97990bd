package io.orderchat.shared.web;

import org.eclipse.jetty.server.ServerConnector;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets a burst of clients queue for accept instead of being dropped. Jetty binds with
 * Java's default listen backlog of 50: a storm of reconnecting clients (a node restart, a
 * network blip) overflows it, and every dropped SYN costs its client a one-second
 * retransmit (measured: p99 to connected 1.2–1.5 s at 1,000 connections/s). Node's
 * socket.io listens with 511. The kernel caps the value at {@code net.core.somaxconn}.
 */
@Component
class ConnectorTuning implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> {

	private final int acceptQueueSize;

	ConnectorTuning(@Value("${orderchat.server.accept-queue-size:4096}") int acceptQueueSize) {
		this.acceptQueueSize = acceptQueueSize;
	}

	@Override
	public void customize(ConfigurableJettyWebServerFactory factory) {
		factory.addServerCustomizers((server) -> {
			for (var connector : server.getConnectors()) {
				if (connector instanceof ServerConnector serverConnector) {
					serverConnector.setAcceptQueueSize(this.acceptQueueSize);
				}
			}
		});
	}

}
