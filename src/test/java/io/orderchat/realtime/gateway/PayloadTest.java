package io.orderchat.realtime.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static JsonNode[] args(String... values) {
		JsonNode[] nodes = new JsonNode[values.length];
		for (int i = 0; i < values.length; i++) {
			nodes[i] = json.readTree(values[i]);
		}
		return nodes;
	}

	@Test
	void readsTypedFields() {
		UUID id = UUID.randomUUID();
		Payload payload = Payload.of(args("{\"id\":\"" + id + "\",\"seq\":7,\"typing\":true,\"name\":\"Ann\"}"));

		assertThat(payload.uuid("id")).isEqualTo(id);
		assertThat(payload.optionalLong("seq")).contains(7L);
		assertThat(payload.optionalBoolean("typing")).contains(true);
		assertThat(payload.text("name")).isEqualTo("Ann");
		assertThat(payload.optionalText("missing")).isEmpty();
	}

	@Test
	void acceptsANumericIdButNoNumberAsText() {
		assertThat(Payload.of(args("{\"orderId\":42}")).id("orderId")).isEqualTo("42");
		assertRefused(() -> Payload.of(args("{\"content\":42}")).text("content"), "must be a string");
		assertRefused(() -> Payload.of(args("{\"content\":true}")).optionalText("content"), "must be a string");
	}

	@Test
	void refusesAnIntegerPastItsRangeInsteadOfWrappingIt() {
		assertRefused(() -> Payload.of(args("{\"limit\":4294967306}")).optionalInt("limit"), "out of range");
		assertThat(Payload.of(args("{\"limit\":10}")).optionalInt("limit")).contains(10);
	}

	@Test
	void refusesAPayloadThatIsNotAnObject() {
		assertRefused(() -> Payload.of(args("\"just text\"")), "JSON object");
		assertRefused(() -> Payload.of(args("[1,2]")), "JSON object");
	}

	@Test
	void treatsNoArgumentAsAnEmptyPayloadThatLacksEveryField() {
		assertRefused(() -> Payload.of(new JsonNode[0]).text("conversationId"), "'conversationId' is required");
	}

	@Test
	void namesTheFieldThatHasTheWrongType() {
		Payload payload = Payload.of(args("{\"content\":{\"a\":1},\"seq\":\"ten\",\"typing\":\"yes\",\"id\":\"x\"}"));

		assertRefused(() -> payload.text("content"), "'content' must be a string");
		assertRefused(() -> payload.optionalLong("seq"), "'seq' must be an integer");
		assertRefused(() -> payload.optionalBoolean("typing"), "'typing' must be true or false");
		assertRefused(() -> payload.uuid("id"), "'id' must be a UUID");
	}

	@Test
	void refusesAFractionWhereAnIntegerIsExpected() {
		assertRefused(() -> Payload.of(args("{\"seq\":1.5}")).optionalLong("seq"), "'seq' must be an integer");
	}

	private static void assertRefused(Runnable read, String message) {
		assertThatThrownBy(read::run).isInstanceOfSatisfying(DomainException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(ex.getMessage()).contains(message);
		});
	}

}
