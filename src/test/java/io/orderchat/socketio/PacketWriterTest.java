package io.orderchat.socketio;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PacketWriterTest {

	private final PacketWriter writer = new PacketWriter(JsonMapper.builder().build());

	record Photo(String name, byte[] bytes) {
	}

	@Test
	void writesPlainValuesStraightToText() {
		EncodedPacket packet = this.writer.event("/", null, "hello", new Object[] { Map.of("a", 1), "x", null });
		assertThat(packet.text()).isEqualTo("2[\"hello\",{\"a\":1},\"x\",null]");
		assertThat(packet.attachments()).isEmpty();
		assertThat(this.writer.ack("/chat", 7, new Object[] { true }).text()).isEqualTo("3/chat,7[true]");
	}

	@Test
	void binaryAnywhereInAValueBecomesAnAttachment() {
		EncodedPacket packet = this.writer.event("/", 3L, "photo",
				new Object[] { new Photo("cat.png", new byte[] { 1, 2, 3 }) });
		assertThat(packet.text())
			.isEqualTo("51-3[\"photo\",{\"name\":\"cat.png\",\"bytes\":{\"_placeholder\":true,\"num\":0}}]");
		assertThat(packet.attachments()).containsExactly(new byte[] { 1, 2, 3 });
	}

	@Test
	void refusesReservedEventNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.event("/", null, "connect", new Object[0]));
	}

}
