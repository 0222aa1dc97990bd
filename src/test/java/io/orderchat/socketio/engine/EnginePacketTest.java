package io.orderchat.socketio.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EnginePacketTest {

	@Test
	void encodesTextPacketsAsTypeDigitAndData() {
		assertThat(EnginePacket.message("hello").encode()).isEqualTo("4hello");
		assertThat(EnginePacket.PING.encode()).isEqualTo("2");
		assertThat(EnginePacket.PONG_PROBE.encode()).isEqualTo("3probe");
		assertThat(EnginePacket.NOOP.encode()).isEqualTo("6");
	}

	@Test
	void encodesBinaryPacketsAsBase64ForPolling() {
		assertThat(EnginePacket.message(new byte[] { 1, 2, 3, 4 }).encode()).isEqualTo("bAQIDBA==");
	}

	@Test
	void decodesEveryPacketType() throws Exception {
		assertThat(EnginePacket.decode("4hello").type()).isEqualTo(EnginePacketType.MESSAGE);
		assertThat(EnginePacket.decode("4hello").text()).isEqualTo("hello");
		assertThat(EnginePacket.decode("3").type()).isEqualTo(EnginePacketType.PONG);
		assertThat(EnginePacket.decode("2probe").text()).isEqualTo("probe");
		assertThat(EnginePacket.decode("1").type()).isEqualTo(EnginePacketType.CLOSE);
		assertThat(EnginePacket.decode("5").type()).isEqualTo(EnginePacketType.UPGRADE);
		assertThat(EnginePacket.decode("bAQIDBA==").binary()).containsExactly(1, 2, 3, 4);
	}

	@Test
	void refusesMalformedPackets() {
		for (String malformed : List.of("", "abc", "7", "9x", "b!!notbase64", "\u0000")) {
			assertThatExceptionOfType(InvalidPacketException.class).as(malformed)
				.isThrownBy(() -> EnginePacket.decode(malformed));
		}
	}

	@Test
	void joinsAndSplitsPollingPayloadsOnTheRecordSeparator() throws Exception {
		List<EnginePacket> packets = List.of(EnginePacket.message("a"), EnginePacket.message(new byte[] { 1 }),
				EnginePacket.PING);
		String payload = PollingPayload.encode(packets);
		assertThat(payload).isEqualTo("4a\u001ebAQ==\u001e2");
		List<EnginePacket> decoded = PollingPayload.decode(payload);
		assertThat(decoded).hasSize(3);
		assertThat(decoded.get(1).binary()).containsExactly(1);
	}

	@Test
	void refusesPayloadsWithAMalformedPacket() {
		assertThatExceptionOfType(InvalidPacketException.class).isThrownBy(() -> PollingPayload.decode("4a\u001e"));
		assertThatExceptionOfType(InvalidPacketException.class).isThrownBy(() -> PollingPayload.decode("4a\u001ex"));
	}

}
