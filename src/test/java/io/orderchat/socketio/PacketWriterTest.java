package io.orderchat.socketio;

import java.io.Writer;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
	void theConnectAnswerIsWhatJacksonWouldWriteWhateverTheId() {
		assertThat(this.writer.connect("/", "aZ09-_x").text()).isEqualTo("0{\"sid\":\"aZ09-_x\"}");
		assertThat(this.writer.connect("/admin", "abc").text()).isEqualTo("0/admin,{\"sid\":\"abc\"}");
		assertThat(this.writer.connect("/", "a\"b\\c").text()).isEqualTo("0{\"sid\":\"a\\\"b\\\\c\"}");
		assertThat(this.writer.connect("/", "é").text()).isEqualTo("0{\"sid\":\"é\"}");
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
	void anErrorWhileEncodingReachesTheCallerAsItselfEvenWhenClosingFailsWithItToo() {
		// Short of memory, the JVM throws one preallocated OutOfMemoryError; closing the
		// generator (which flushes) then fails with the very same instance.
		OutOfMemoryError shortOfMemory = new OutOfMemoryError("Java heap space");
		PacketWriter failing = new PacketWriter(JsonMapper.builder(new FailingOnClose(shortOfMemory)).build());
		assertThatThrownBy(() -> failing.ack("/", 1, new Object[] { new Unwritable(shortOfMemory) }))
			.isSameAs(shortOfMemory);
		assertThat(this.writer.ack("/", 2, new Object[] { "fine" }).text()).isEqualTo("32[\"fine\"]");
	}

	/** A value whose serialization fails with {@code error}, as Jackson meets it. */
	static final class Unwritable extends tools.jackson.databind.JacksonSerializable.Base {

		private final Error error;

		Unwritable(Error error) {
			this.error = error;
		}

		@Override
		public void serialize(tools.jackson.core.JsonGenerator generator,
				tools.jackson.databind.SerializationContext context) {
			throw this.error;
		}

		@Override
		public void serializeWithType(tools.jackson.core.JsonGenerator generator,
				tools.jackson.databind.SerializationContext context,
				tools.jackson.databind.jsontype.TypeSerializer type) {
			throw this.error;
		}

	}

	/** Makes generators whose close fails with {@code error}. */
	private static final class FailingOnClose extends JsonFactory {

		private final Error error;

		FailingOnClose(Error error) {
			this.error = error;
		}

		@Override
		public JsonFactory copy() {
			return this;
		}

		@Override
		protected JsonGenerator _createGenerator(ObjectWriteContext context, IOContext io, Writer out) {
			return new JsonGeneratorDelegate(super._createGenerator(context, io, out)) {

				@Override
				public void close() {
					throw FailingOnClose.this.error;
				}

			};
		}

	}

	@Test
	void refusesReservedEventNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.event("/", null, "connect", new Object[0]));
	}

}
