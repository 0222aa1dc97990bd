package io.orderchat.realtime.protocol.marketplace;

import io.orderchat.disputes.DisputeManagement;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialects;
import io.orderchat.realtime.gateway.RealtimeConversations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MarketplaceConfiguration {

	@Bean
	MarketplaceDialect marketplaceDialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime) {
		return dialects.add(new MarketplaceDialect(realtime), router);
	}

	@Bean
	MarketplaceDisputes marketplaceDisputes(MarketplaceDialect marketplace, CommandRouter router,
			RealtimeConversations realtime, DisputeManagement disputes) {
		MarketplaceDisputes disputesChat = new MarketplaceDisputes(marketplace, realtime, disputes);
		disputesChat.register(router);
		return disputesChat;
	}

}
