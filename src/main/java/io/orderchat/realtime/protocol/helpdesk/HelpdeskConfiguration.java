package io.orderchat.realtime.protocol.helpdesk;

import io.orderchat.conversations.Inbox;
import io.orderchat.conversations.Messaging;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialects;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.support.SupportDesk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HelpdeskConfiguration {

	@Bean
	HelpdeskDialect helpdeskDialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime,
			Inbox inbox, Messaging messaging, SupportDesk desk) {
		return dialects.add(new HelpdeskDialect(realtime, inbox, messaging, desk), router);
	}

}
