package io.orderchat.realtime.protocol;

import org.junit.jupiter.api.Test;

import io.orderchat.shared.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedDialectTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void takesAnIdSentBareOrInAnObject() {
		assertThat(SeedDialect.idArgument(new JsonNode[] { json.readTree("\"order-7\"") }, "orderId"))
			.isEqualTo("order-7");
		assertThat(SeedDialect.idArgument(new JsonNode[] { json.readTree("{\"orderId\":\"order-7\"}") }, "orderId"))
			.isEqualTo("order-7");
		assertThat(SeedDialect.idArgument(new JsonNode[] { json.readTree("12") }, "orderId")).isEqualTo("12");
	}

	@Test
	void refusesAMissingId() {
		assertThatThrownBy(() -> SeedDialect.idArgument(new JsonNode[0], "orderId")).isInstanceOf(DomainException.class)
			.hasMessageContaining("orderId");
		assertThatThrownBy(() -> SeedDialect.idArgument(new JsonNode[] { json.readTree("\" \"") }, "orderId"))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void tellsWhichPayloadCarriesAField() {
		assertThat(SeedDialect.carries(new JsonNode[] { json.readTree("{\"session_id\":\"s\"}") }, "session_id"))
			.isTrue();
		assertThat(SeedDialect.carries(new JsonNode[] { json.readTree("{\"orderId\":\"o\"}") }, "session_id"))
			.isFalse();
		assertThat(SeedDialect.carries(new JsonNode[] { json.readTree("\"s\"") }, "session_id")).isFalse();
		assertThat(SeedDialect.carries(new JsonNode[0], "session_id")).isFalse();
	}

}
