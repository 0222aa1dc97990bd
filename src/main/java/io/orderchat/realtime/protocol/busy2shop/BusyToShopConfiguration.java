package io.orderchat.realtime.protocol.busy2shop;

import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialects;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.protocol.OrderChats;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BusyToShopConfiguration {

	@Bean
	BusyToShopDialect busyToShopDialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime,
			OrderChats chats) {
		return dialects.add(new BusyToShopDialect(realtime, chats), router);
	}

}
