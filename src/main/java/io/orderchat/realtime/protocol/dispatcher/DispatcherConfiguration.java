package io.orderchat.realtime.protocol.dispatcher;

import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialects;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.protocol.OrderChats;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DispatcherConfiguration {

	@Bean
	DispatcherDialect dispatcherDialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime,
			OrderChats chats) {
		return dialects.add(new DispatcherDialect(realtime, chats), router);
	}

}
