package io.orderchat.socketio.parser;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PacketCodecTest {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final PacketEncoder encoder = new PacketEncoder(this.mapper);

	private final PacketDecoder decoder = new PacketDecoder(this.mapper, 10);

	@Test
	void encodesEachPacketShapeOfTheProtocol() {
		assertThat(text(Packet.of(PacketType.CONNECT, "/", json("{\"sid\":\"abc\"}")))).isEqualTo("0{\"sid\":\"abc\"}");
		assertThat(text(Packet.of(PacketType.CONNECT, "/admin", json("{\"sid\":\"abc\"}"))))
			.isEqualTo("0/admin,{\"sid\":\"abc\"}");
		assertThat(text(Packet.of(PacketType.DISCONNECT, "/admin", null))).isEqualTo("1/admin,");
		assertThat(text(Packet.of(PacketType.EVENT, "/", json("[\"hello\",1]")))).isEqualTo("2[\"hello\",1]");
		assertThat(text(new Packet(PacketType.EVENT, "/admin", 456L, json("[\"project:delete\",123]"))))
			.isEqualTo("2/admin,456[\"project:delete\",123]");
		assertThat(text(new Packet(PacketType.ACK, "/admin", 456L, json("[]")))).isEqualTo("3/admin,456[]");
		assertThat(text(Packet.of(PacketType.CONNECT_ERROR, "/random", json("{\"message\":\"Invalid namespace\"}"))))
			.isEqualTo("4/random,{\"message\":\"Invalid namespace\"}");
	}

	@Test
	void sendsBinaryValuesAsAttachmentsBehindPlaceholders() {
		ArrayNode data = this.mapper.createArrayNode();
		data.add("message");
		data.add(BinaryNode.valueOf(new byte[] { 1, 2, 3 }));
		data.addObject().set("nested", BinaryNode.valueOf(new byte[] { 4 }));
		PacketEncoder.Encoded encoded = this.encoder.encode(Packet.of(PacketType.EVENT, "/", data));
		assertThat(encoded.text()).isEqualTo(
				"52-[\"message\",{\"_placeholder\":true,\"num\":0},{\"nested\":{\"_placeholder\":true,\"num\":1}}]");
		assertThat(encoded.attachments()).containsExactly(new byte[] { 1, 2, 3 }, new byte[] { 4 });
		assertThat(data.get(1).isBinary()).as("caller's tree untouched").isTrue();

		PacketEncoder.Encoded ack = this.encoder
			.encode(new Packet(PacketType.ACK, "/", 789L, this.mapper.createArrayNode().add(new byte[] { 9 })));
		assertThat(ack.text()).isEqualTo("61-789[{\"_placeholder\":true,\"num\":0}]");
	}

	@Test
	void decodesConnectWithAndWithoutNamespaceAndAuth() throws Exception {
		assertThat(this.decoder.decode("0")).isEqualTo(Packet.of(PacketType.CONNECT, "/", null));
		assertThat(this.decoder.decode("0{\"token\":\"123\"}").data().get("token").asString()).isEqualTo("123");
		assertThat(this.decoder.decode("0/custom,").namespace()).isEqualTo("/custom");
		assertThat(this.decoder.decode("0/custom").namespace()).isEqualTo("/custom");
		Packet custom = this.decoder.decode("0/custom,{\"token\":\"abc\"}");
		assertThat(custom.namespace()).isEqualTo("/custom");
		assertThat(custom.data().get("token").asString()).isEqualTo("abc");
		assertThat(this.decoder.decode("1/custom,").type()).isEqualTo(PacketType.DISCONNECT);
	}

	@Test
	void decodesEventsWithAckIds() throws Exception {
		Packet event = this.decoder.decode("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
		assertThat(event.id()).isEqualTo(456L);
		assertThat(event.data().size()).isEqualTo(4);
		Packet namespaced = this.decoder.decode("2/admin,12[\"x\"]");
		assertThat(namespaced.namespace()).isEqualTo("/admin");
		assertThat(namespaced.id()).isEqualTo(12L);
		assertThat(this.decoder.decode("3/admin,12[]").type()).isEqualTo(PacketType.ACK);
	}

	@Test
	void reassemblesBinaryEventsFromTheirAttachments() throws Exception {
		assertThat(this.decoder
			.decode("52-789[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]"))
			.isNull();
		assertThat(this.decoder.decode(new byte[] { 1, 2, 3 })).isNull();
		Packet packet = this.decoder.decode(new byte[] { 4, 5, 6 });
		assertThat(packet.type()).isEqualTo(PacketType.BINARY_EVENT);
		assertThat(packet.id()).isEqualTo(789L);
		assertThat(packet.data().get(1).binaryValue()).containsExactly(1, 2, 3);
		assertThat(packet.data().get(2).binaryValue()).containsExactly(4, 5, 6);
		assertThat(this.decoder.decode("2[\"after\"]").type()).as("ready for the next packet")
			.isEqualTo(PacketType.EVENT);
	}

	@Test
	void refusesAPlaceholderNumberPastEveryRange() throws Exception {
		for (String num : List.of("99999999999999999999999999999", "-9223372036854775809", "4294967296")) {
			PacketDecoder decoder = new PacketDecoder(this.mapper, 10);
			assertThat(decoder.decode("51-[\"image\",{\"_placeholder\":true,\"num\":" + num + "}]")).isNull();

			assertThatThrownBy(() -> decoder.decode(new byte[] { 1 })).as(num).isInstanceOf(ParseException.class);
		}
	}

	@Test
	void refusesEveryMalformedPacket() {
		for (String malformed : List.of("", "abc", "7", "2{}", "2\"text\"", "2[]", "2[\"connect\"]",
				"2[\"disconnect\"]", "2[{}]", "2abc[\"message\"]", "2[\"unterminated\"", "2[\"a\"]garbage", "2", "3",
				"3{}", "1{}", "0[]", "0\"str\"", "5-[\"x\"]", "5x-[\"x\"]", "511-[\"x\"]", "51[\"x\"]",
				"29999999999999999999[\"x\"]")) {
			PacketDecoder fresh = new PacketDecoder(this.mapper, 10);
			assertThatExceptionOfType(ParseException.class).as("'%s'", malformed)
				.isThrownBy(() -> fresh.decode(malformed));
		}
	}

	@Test
	void refusesBinaryDataOutOfPlace() throws Exception {
		assertThatExceptionOfType(ParseException.class).isThrownBy(() -> this.decoder.decode(new byte[] { 1 }));
		this.decoder.decode("51-[\"x\",{\"_placeholder\":true,\"num\":0}]");
		assertThatExceptionOfType(ParseException.class).isThrownBy(() -> this.decoder.decode("2[\"x\"]"));
		PacketDecoder other = new PacketDecoder(this.mapper, 10);
		other.decode("51-[\"x\",{\"_placeholder\":true,\"num\":5}]");
		assertThatExceptionOfType(ParseException.class).isThrownBy(() -> other.decode(new byte[] { 1 }));
	}

	private String text(Packet packet) {
		PacketEncoder.Encoded encoded = this.encoder.encode(packet);
		assertThat(encoded.attachments()).isEmpty();
		return encoded.text();
	}

	private JsonNode json(String json) {
		return this.mapper.readTree(json);
	}

}
