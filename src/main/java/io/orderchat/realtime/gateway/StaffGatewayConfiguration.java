package io.orderchat.realtime.gateway;

import io.orderchat.conversations.ConversationService;
import io.orderchat.disputes.DisputeManagement;
import io.orderchat.moderation.Moderation;
import io.orderchat.socketio.SocketIoServer;
import io.orderchat.support.SupportDesk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The staff workflows on the socket: the canonical staff commands, seed 000's moderator
 * functions, seed 003's support dialect, seed 004's dispute chat, and the relay that
 * delivers their events.
 */
@Configuration(proxyBeanMethods = false)
class StaffGatewayConfiguration {

	@Bean
	Seed003Dialect seed003Dialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime,
			ConversationService conversations, SupportDesk desk) {
		return dialects.add(new Seed003Dialect(realtime, conversations, desk), router);
	}

	@Bean
	CanonicalStaff canonicalStaff(CanonicalDialect canonical, CommandRouter router, Moderation moderation,
			SupportDesk desk, DisputeManagement disputes) {
		CanonicalStaff staff = new CanonicalStaff(canonical, moderation, desk, disputes);
		staff.register(router);
		return staff;
	}

	@Bean
	Seed000Staff seed000Staff(Seed000Dialect seed000, CommandRouter router, Moderation moderation) {
		Seed000Staff staff = new Seed000Staff(seed000, moderation);
		staff.register(router);
		return staff;
	}

	@Bean
	Seed004Disputes seed004Disputes(Seed004Dialect seed004, CommandRouter router, RealtimeConversations realtime,
			DisputeManagement disputes) {
		Seed004Disputes staff = new Seed004Disputes(seed004, realtime, disputes);
		staff.register(router);
		return staff;
	}

}
