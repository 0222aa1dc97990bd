package io.orderchat.conversations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.shared.web.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryJsonTest {

	final JsonMapper mapper = JsonMapper.builder().build();

	final HistoryJson json = new HistoryJson(this.mapper);

	final ConversationId conversation = ConversationId.random();

	@Test
	void writesWhatTheMapperWritesForEveryKindOfMessage() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("event", "order.created");
		metadata.put("nested", Map.of("list", List.of(1, 2.5, true), "none", "x"));
		metadata.put("nothing", null);
		HistoryPage page = new HistoryPage(
				List.of(message(1, MessageType.SYSTEM, "Order created", null, null, metadata, Instant.EPOCH, null),
						message(2, MessageType.TEXT, "quotes \" backslash \\ tab \t newline \n ünïcødé 😀 </script>",
								Role.CUSTOMER, "client-1", null, Instant.parse("2026-11-22T05:56:21.845223Z"), null)
							.withReplyTo(new Quote(1, "Name \"of\" ünï", "Order 😀 created", false)),
						message(3, MessageType.IMAGE, null, Role.PERFORMER, null, Map.of(),
								Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01.500Z"))
							.withReplyTo(Quote.deletedAt(2)),
						message(4, MessageType.FILE, "", Role.ADMIN, null, Map.of(Message.VISIBILITY, "staff"),
								Instant.parse("2026-01-01T00:00:00.000001Z"), null)),
				true);

		assertThat(render(page)).isEqualTo(this.mapper.writeValueAsString(ApiResponse.ok(page)));
	}

	@Test
	void writesAnEmptyLastPage() {
		HistoryPage page = new HistoryPage(List.of(), false);

		assertThat(render(page)).isEqualTo(this.mapper.writeValueAsString(ApiResponse.ok(page)));
	}

	private String render(HistoryPage page) {
		return new String(this.json.render(page), StandardCharsets.UTF_8);
	}

	private Message message(long seq, MessageType type, String content, Role role, String clientId,
			Map<String, Object> metadata, Instant at, Instant deletedAt) {
		String sender = (role != null) ? role.wire() + "-" + seq : null;
		return new Message(UUID.randomUUID(), this.conversation, seq, type, content, sender,
				(sender != null) ? "Name of " + sender : null, role, clientId, metadata, at, deletedAt, null,
				(seq == 4) ? List.of(new Reaction("👍", List.of("customer-2", "performer-3")),
						new Reaction("❤️", List.of("admin-4"))) : List.of());
	}

}
