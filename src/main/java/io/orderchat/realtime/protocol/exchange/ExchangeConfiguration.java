package io.orderchat.realtime.protocol.exchange;

import io.orderchat.moderation.Moderation;
import io.orderchat.orders.OrderManagement;
import io.orderchat.pusher.PusherServer;
import io.orderchat.realtime.gateway.CommandRouter;
import io.orderchat.realtime.gateway.Dialects;
import io.orderchat.realtime.gateway.RealtimeConversations;
import io.orderchat.realtime.gateway.SocketRooms;
import io.orderchat.realtime.pipeline.EventBus;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

	@Bean
	ExchangeRooms exchangeRooms(RealtimeConversations realtime, OrderManagement orders) {
		return new ExchangeRooms(realtime, orders);
	}

	@Bean
	ExchangeDialect exchangeDialect(Dialects dialects, CommandRouter router, RealtimeConversations realtime,
			SocketRooms rooms, ExchangeRooms orderRooms, OrderManagement orders) {
		return dialects.add(new ExchangeDialect(realtime, rooms, orderRooms, orders), router);
	}

	@Bean
	ExchangePusher exchangePusher(PusherServer pusher, EventBus bus) {
		ExchangePusher delivery = new ExchangePusher(pusher);
		bus.subscribe(delivery);
		return delivery;
	}

	@Bean
	ExchangeStaff exchangeStaff(ExchangeDialect exchange, CommandRouter router, Moderation moderation,
			SocketRooms rooms, ExchangeRooms orderRooms) {
		ExchangeStaff staff = new ExchangeStaff(exchange, moderation, rooms, orderRooms);
		staff.register(router);
		return staff;
	}

}
