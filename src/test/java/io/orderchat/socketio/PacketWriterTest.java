package io.orderchat.socketio;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PacketWriterTest {

	private final PacketWriter writer = new PacketWriter(JsonMapper.builder().build());

	@Test
	void writesPlainValuesStraightToText() {
		EncodedPacket packet = this.writer.event("/", null, "hello", new Object[] { Map.of("a", 1), "x", null });
		assertThat(packet.text()).isEqualTo("2[\"hello\",{\"a\":1},\"x\",null]");
		assertThat(packet.attachments()).isEmpty();
		assertThat(this.writer.ack("/chat", 7, new Object[] { true }).text()).isEqualTo("3/chat,7[true]");
	}

	@Test
	void binaryArgumentsAndBinaryNodesBecomeAttachments() {
		ObjectNode meta = JsonNodeFactory.instance.objectNode();
		meta.set("thumb", BinaryNode.valueOf(new byte[] { 9 }));
		EncodedPacket packet = this.writer.event("/", 3L, "photo", new Object[] { new byte[] { 1, 2, 3 }, meta });
		assertThat(packet.text()).isEqualTo(
				"52-3[\"photo\",{\"_placeholder\":true,\"num\":0},{\"thumb\":{\"_placeholder\":true,\"num\":1}}]");
		assertThat(packet.attachments()).containsExactly(new byte[] { 1, 2, 3 }, new byte[] { 9 });
	}

	@Test
	void refusesReservedEventNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.event("/", null, "connect", new Object[0]));
	}

}
