package io.orderchat.realtime.gateway;

import io.orderchat.socketio.SocketIoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The first thing a stopping node does: it reports itself not ready (the load balancer
 * stops sending new clients) and disconnects every socket, so that clients reconnect to
 * another node at once — before the web server's graceful phase, which would otherwise
 * wait for every open long-poll to end by itself (up to a ping interval). Messages
 * already accepted are still stored: the commit writers stop after the web server.
 * <p>
 * On the context's closing, which comes before any lifecycle stops, rather than as a
 * lifecycle of its own: a stopped context may start again (the test framework pauses
 * cached contexts), a closed Socket.IO server may not.
 */
class RealtimeDrain implements ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(RealtimeDrain.class);

	private final SocketIoServer server;

	private final ApplicationEventPublisher events;

	RealtimeDrain(SocketIoServer server, ApplicationEventPublisher events) {
		this.server = server;
		this.events = events;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		long started = System.nanoTime();
		this.server.close();
		log.info("Realtime connections closed for shutdown in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

}
