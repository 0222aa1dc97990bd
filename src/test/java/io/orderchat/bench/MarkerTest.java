package io.orderchat.bench;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkerTest {

	@Test
	void isFoundInsideAnEventFrameWithoutParsingJson() {
		String content = Marker.content(123_456_789_012L, 4_321, 7, 100);
		byte[] frame = ("[\"message\",{\"conversationId\":\"c\",\"message\":{\"seq\":3,\"content\":\"" + content
				+ "\"}}]")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(content).hasSize(100);
		assertThat(Marker.find(frame, 0, frame.length)).isEqualTo(new Marker(123_456_789_012L, 4_321, 7));
	}

	@Test
	void answersNullForAFrameWithoutOne() {
		byte[] frame = "[\"presence\",{\"userId\":\"u\",\"online\":true}]".getBytes(StandardCharsets.UTF_8);

		assertThat(Marker.find(frame, 0, frame.length)).isNull();
	}

	@Test
	void optionsFallBackToSmokeDefaultsOnlyUnderSmoke() {
		Options full = Options.parse("chat", "--conversations=1,500");
		Options smoke = Options.parse("chat", "--smoke");

		assertThat(full.scenario()).isEqualTo("chat");
		assertThat(full.integer("conversations", 2000, 5)).isEqualTo(1500);
		assertThat(full.integer("members", 1000, 10)).isEqualTo(1000);
		assertThat(smoke.integer("members", 1000, 10)).isEqualTo(10);
		assertThat(smoke.decimals("steps", "1,2", "1")).containsExactly(1.0);
	}

}
