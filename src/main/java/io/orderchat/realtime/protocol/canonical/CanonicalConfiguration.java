package io.orderchat.realtime.protocol.canonical;

import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.MessageReactions;
import io.orderchat.conversations.Messaging;
import io.orderchat.disputes.DisputeManagement;
import io.orderchat.moderation.Moderation;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialects;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.search.MessageSearch;
import io.orderchat.support.SupportDesk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CanonicalConfiguration {

	@Bean
	CanonicalDialect canonicalDialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime,
			Inbox inbox, Messaging messaging, MessageReactions reactions, MessageSearch search) {
		return dialects.add(new CanonicalDialect(realtime, inbox, messaging, reactions, search), router);
	}

	@Bean
	CanonicalStaff canonicalStaff(CanonicalDialect canonical, CommandRouter router, Moderation moderation,
			SupportDesk desk, DisputeManagement disputes) {
		CanonicalStaff staff = new CanonicalStaff(canonical, moderation, desk, disputes);
		staff.register(router);
		return staff;
	}

}
