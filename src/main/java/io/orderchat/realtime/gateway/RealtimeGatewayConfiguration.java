package io.orderchat.realtime.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.attachments.AttachmentService;
import io.orderchat.conversations.ConversationAccess;
import io.orderchat.conversations.ConversationHistory;
import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.ConversationManagement;
import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Membership;
import io.orderchat.conversations.Messaging;
import io.orderchat.identity.TokenRevocations;
import io.orderchat.identity.TokenVerifier;
import io.orderchat.orders.OrderManagement;
import io.orderchat.ratelimit.RateLimits;
import io.orderchat.realtime.pipeline.EventBus;
import io.orderchat.realtime.presence.InMemoryPresence;
import io.orderchat.realtime.presence.InMemoryTyping;
import io.orderchat.realtime.presence.Presence;
import io.orderchat.realtime.presence.Typing;
import io.orderchat.search.MessageSearch;
import io.orderchat.shared.ClusterMode;
import io.orderchat.socketio.SocketIoServer;

/**
 * Puts the domain on the Socket.IO server's default namespace: handshake authentication,
 * the command router every vocabulary registers its commands with, room membership,
 * typing and presence, and this node's receiving side of the event pipeline. The
 * vocabularies themselves configure in their own packages under
 * {@code io.orderchat.realtime.protocol}.
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
	SessionRevocation sessionRevocation(SocketIoServer server, TokenRevocations revocations, EventBus bus) {
		SessionRevocation revocation = new SessionRevocation(server.sockets(), revocations);
		bus.subscribe(revocation);
		return revocation;
	}

	@Bean
	RoomMembership roomMembership(SocketIoServer server, Dialects dialects, RateLimits limits) {
		return new RoomMembership(server.sockets(), dialects, limits);
	}

	@Bean
	SocketRooms socketRooms(RoomMembership rooms, PlatformTransactionManager transactions) {
		return new SocketRooms(rooms, new TransactionTemplate(transactions));
	}

	@Bean
	KnownSubjects knownSubjects(ConversationManagement conversations) {
		return new KnownSubjects(conversations);
	}

	@Bean
	RealtimeConversations realtimeConversations(ConversationAccess access, ConversationHistory history, Inbox inbox,
			Messaging messaging, OrderManagement orders, RoomMembership rooms, EventBus bus, KnownSubjects subjects,
			Typing typing, Presence presence, AttachmentService attachments) {
		RealtimeConversations realtime = new RealtimeConversations(access, history, inbox, messaging, orders, rooms,
				bus, subjects, typing, presence, attachments);
		typing.onExpired((typist) -> realtime.broadcastTyping(ConversationId.parse(typist.conversationId()),
				typist.userId(), typist.name(), false));
		return realtime;
	}

	@Bean
	CommandRouter commandRouter(Clock clock, RealtimeMetrics metrics) {
		return new CommandRouter(clock, metrics);
	}

	@Bean
	RealtimeMetrics realtimeMetrics(MeterRegistry registry, SocketIoServer server) {
		RealtimeMetrics metrics = new RealtimeMetrics(registry);
		server.engine().onTimedWrite(metrics::written);
		return metrics;
	}

	@Bean(destroyMethod = "close")
	PresenceAnnouncements presenceAnnouncements(Membership membership, EventBus bus, Presence presence) {
		PresenceAnnouncements announcements = new PresenceAnnouncements(membership, bus);
		presence.onExpired((userId) -> announcements.announce(userId, false));
		return announcements;
	}

	@Bean
	ConnectionLifecycle connectionLifecycle(SocketIoServer server, TokenVerifier tokens, Dialects dialects,
			CommandRouter router, RealtimeConversations realtime, RoomMembership rooms, Presence presence,
			PresenceAnnouncements announcements, ScheduledExecutorService realtimeScheduler, RateLimits limits,
			RealtimeMetrics metrics, Clock clock) {
		ConnectionLifecycle lifecycle = new ConnectionLifecycle(dialects, router, realtime, rooms, presence,
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
