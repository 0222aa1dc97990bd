package io.orderchat.realtime.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.attachments.AttachmentService;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationService;
import io.orderchat.identity.TokenVerifier;
import io.orderchat.orders.OrderManagement;
import io.orderchat.ratelimit.RateLimits;
import io.orderchat.realtime.pipeline.EventBus;
import io.orderchat.realtime.pipeline.Subjects;
import io.orderchat.realtime.presence.InMemoryPresence;
import io.orderchat.realtime.presence.InMemoryTyping;
import io.orderchat.realtime.presence.Presence;
import io.orderchat.realtime.presence.Typing;
import io.orderchat.search.MessageSearch;
import io.orderchat.shared.ClusterMode;
import io.orderchat.socketio.SocketIoServer;

/**
 * Puts the domain on the Socket.IO server's default namespace: handshake authentication,
 * every dialect's commands on each connection, and domain events delivered to the sockets
 * they concern.
 */
@Configuration(proxyBeanMethods = false)
class RealtimeGatewayConfiguration {

	/** How long a typing indicator lives without a refresh. */
	static final Duration TYPING_TTL = Duration.ofSeconds(10);

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService realtimeScheduler() {
		return Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("realtime-timers").daemon(true).factory());
	}

	@Bean
	@ClusterMode.SingleNode
	Presence presence() {
		return new InMemoryPresence();
	}

	@Bean
	@ClusterMode.SingleNode
	InMemoryTyping typing(Clock clock, ScheduledExecutorService realtimeScheduler) {
		InMemoryTyping typing = new InMemoryTyping(TYPING_TTL, clock);
		realtimeScheduler.scheduleWithFixedDelay(typing::expire, 1, 1, TimeUnit.SECONDS);
		return typing;
	}

	@Bean
	Dialects dialects() {
		return new Dialects();
	}

	@Bean
	SocketIoDelivery socketIoDelivery(SocketIoServer server, Dialects dialects, List<StaffRendering> staffRenderings,
			RoomMembership rooms, RealtimeMetrics metrics, EventBus bus) {
		SocketIoDelivery delivery = new SocketIoDelivery(server.sockets(), dialects, staffRenderings, rooms, metrics);
		bus.subscribe(delivery);
		return delivery;
	}

	@Bean
	RoomMembership roomMembership(SocketIoServer server, Dialects dialects, RateLimits limits) {
		return new RoomMembership(server.sockets(), dialects, limits);
	}

	@Bean
	RealtimeConversations realtimeConversations(ConversationService conversations, OrderManagement orders,
			RoomMembership rooms, EventBus bus, Subjects subjects, Typing typing, Presence presence,
			AttachmentService attachments) {
		RealtimeConversations realtime = new RealtimeConversations(conversations, orders, rooms, bus, subjects, typing,
				presence, attachments);
		typing.onExpired((typist) -> realtime.broadcastTyping(ConversationId.parse(typist.conversationId()),
				typist.userId(), typist.name(), false));
		return realtime;
	}

	@Bean
	CommandRouter commandRouter(Clock clock, RealtimeMetrics metrics) {
		return new CommandRouter(clock, metrics);
	}

	@Bean
	RealtimeMetrics realtimeMetrics(MeterRegistry registry) {
		return new RealtimeMetrics(registry);
	}

	@Bean
	CanonicalDialect canonicalDialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime,
			ConversationService conversations, MessageSearch search) {
		return dialects.add(new CanonicalDialect(realtime, conversations, search), router);
	}

	@Bean
	Seed000Dialect seed000Dialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime,
			OrderManagement orders) {
		return dialects.add(new Seed000Dialect(realtime, orders), router);
	}

	@Bean
	Seed001Dialect seed001Dialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime) {
		return dialects.add(new Seed001Dialect(realtime), router);
	}

	@Bean
	Seed002Dialect seed002Dialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime) {
		return dialects.add(new Seed002Dialect(realtime), router);
	}

	@Bean
	Seed004Dialect seed004Dialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime) {
		return dialects.add(new Seed004Dialect(realtime), router);
	}

	@Bean(destroyMethod = "close")
	PresenceAnnouncements presenceAnnouncements(ConversationService conversations, EventBus bus) {
		return new PresenceAnnouncements(conversations, bus);
	}

	@Bean
	ConnectionLifecycle connectionLifecycle(SocketIoServer server, TokenVerifier tokens, CanonicalDialect canonical,
			CommandRouter router, RealtimeConversations realtime, RoomMembership rooms, Presence presence,
			PresenceAnnouncements announcements, ScheduledExecutorService realtimeScheduler, RateLimits limits,
			RealtimeMetrics metrics, Clock clock) {
		ConnectionLifecycle lifecycle = new ConnectionLifecycle(canonical, router, realtime, rooms, presence,
				announcements, new SessionExpiry(realtimeScheduler, clock));
		server.sockets().use(metrics.counted(new SocketAuthenticator(tokens)));
		server.sockets().use(metrics.counted(new SocketsPerUser(server.sockets(), limits)));
		server.sockets().onConnection((socket) -> {
			metrics.connected();
			lifecycle.connected(socket);
		});
		return lifecycle;
	}

}
