package io.orderchat.realtime.protocol.marketplace;

import java.time.Clock;

import io.orderchat.disputes.DisputeManagement;
import io.orderchat.orders.OrderManagement;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialects;
import io.orderchat.realtime.gateway.RealtimeConversations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MarketplaceConfiguration {

	@Bean
	MarketplaceChats marketplaceChats(OrderManagement orders) {
		return new MarketplaceChats(orders);
	}

	@Bean
	MarketplaceDialect marketplaceDialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime,
			OrderManagement orders, MarketplaceChats chats, LinkHosts linkHosts, Clock clock) {
		return dialects.add(new MarketplaceDialect(realtime, orders, chats, linkHosts, clock), router);
	}

	@Bean
	MarketplaceDisputes marketplaceDisputes(MarketplaceDialect marketplace, CommandRouter router,
			RealtimeConversations realtime, DisputeManagement disputes, MarketplaceChats chats) {
		MarketplaceDisputes disputesChat = new MarketplaceDisputes(marketplace, realtime, disputes, chats);
		disputesChat.register(router);
		return disputesChat;
	}

}
