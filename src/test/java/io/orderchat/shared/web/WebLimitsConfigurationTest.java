package io.orderchat.shared.web;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class WebLimitsConfigurationTest {

	final WebLimitsConfiguration configuration = new WebLimitsConfiguration();

	@Test
	void theLogContextRunsBeforeTheRequestLimitsAndBeforeEveryOtherFilter() {
		int logContext = this.configuration.requestLogContext().getOrder();
		int limits = this.configuration.requestLimits(DataSize.ofKilobytes(64), JsonMapper.builder().build())
			.getOrder();

		assertThat(logContext).isLessThan(limits);
		assertThat(limits).as("before Spring's own filters (security, observation)").isLessThan(-100);
	}

}
