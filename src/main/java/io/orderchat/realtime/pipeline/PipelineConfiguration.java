package io.orderchat.realtime.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The relays, and the in-process bus of a single node: one delivery lane per core, each
 * holding at most {@link #LANE_CAPACITY} deliveries.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

	static final int LANE_CAPACITY = 65_536;

	@Bean(destroyMethod = "close")
	InProcessEventBus eventBus(MeterRegistry registry) {
		InProcessEventBus bus = new InProcessEventBus(Math.max(2, Runtime.getRuntime().availableProcessors()),
				LANE_CAPACITY);
		Gauge.builder("orderchat.delivery.waiting", bus, InProcessEventBus::waiting)
			.description("Deliveries published and not yet rendered for this node's clients")
			.register(registry);
		return bus;
	}

	@Bean
	ChatRelay chatRelay(EventBus bus) {
		return new ChatRelay(bus);
	}

	@Bean
	StaffRelay staffRelay(EventBus bus) {
		return new StaffRelay(bus);
	}

}
