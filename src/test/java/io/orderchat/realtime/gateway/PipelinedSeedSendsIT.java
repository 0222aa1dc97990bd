package io.orderchat.realtime.gateway;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.orderchat.conversations.ConversationId;
import io.orderchat.conversations.Message;
import io.orderchat.disputes.Dispute;
import io.orderchat.disputes.DisputeManagement;
import io.orderchat.identity.Role;
import io.orderchat.orders.ExternalOrder;
import io.orderchat.orders.NewOrder;
import io.orderchat.orders.Order;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.Party;
import io.orderchat.socketio.Ack;
import io.orderchat.support.NewSession;
import io.orderchat.support.SupportDesk;
import io.orderchat.support.SupportSession;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed dialects' message sends are pipelined like canonical {@code message:send}:
 * while the first send's commit is held (its conversation's row locked by another
 * transaction), the socket's next send is checked and queued instead of waiting; both are
 * answered once committed, in the order sent and stored in that order, and a send refused
 * meanwhile is answered after them, as the seeds' clients (whose {@code error} events
 * name no message) need.
 */
class PipelinedSeedSendsIT extends IntegrationTest {

	private static final Duration HELD = Duration.ofSeconds(1);

	private final ObjectMapper json = JsonMapper.builder().build();

	@Autowired
	CommandRouter router;

	@Autowired
	Dialects dialects;

	@Autowired
	OrderManagement orders;

	@Autowired
	SupportDesk desk;

	@Autowired
	DisputeManagement disputes;

	@Autowired
	RealtimeConversations conversations;

	@Autowired
	DataSource dataSource;

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Sid Shopper", Role.PERFORMER);

	final Person host = person("Host Service", Role.ADMIN);

	final FakeSocket socket = new FakeSocket();

	@ParameterizedTest
	@ValueSource(strings = { "chat:message", "send-message", "send_message", "order_message", "dispute_message" })
	void aSecondSendStartsWhileTheFirstCommitsAndTheAnswersComeInOrder(String command) throws Exception {
		SocketSession.attach(this.socket, this.customer.caller());
		SocketSession.start(this.socket, this.dialects);
		Chat chat = chat(command);

		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			lockConversation(holder, chat.conversationId());

			Thread sender = Thread.startVirtualThread(() -> {
				send(command, chat, "first", "t-1");
				send(command, chat, "second", "t-2");
			});
			sender.join(HELD);
			try {
				assertThat(sender.isAlive()).as("the second send waited for the first one's commit").isFalse();
				assertThat(this.socket.answers()).as("nothing is answered before its commit").isEmpty();
			}
			finally {
				holder.commit();
				sender.join();
			}
			// refused (empty): answered after the two before it, not as soon as refused
			send(command, chat, "   ", "t-3");
		}

		assertThat(this.socket.answers()).containsExactly("t-1 ok", "t-2 ok", "t-3 refused");
		if (command.equals("send_message")) {
			assertThat(this.socket.emitted("message_sent", "error")).containsExactly("message_sent", "message_sent",
					"error");
		}
		List<String> stored = this.conversations.history(this.customer.caller(), chat.conversationId(), null, null, 50)
			.messages()
			.stream()
			.filter((message) -> this.customer.id().equals(message.senderId()))
			.map(Message::content)
			.toList();
		assertThat(stored).containsExactly("first", "second");
	}

	/** What a command's payload names, and the conversation it lands in. */
	private record Chat(String field, String value, ConversationId conversationId) {
	}

	private Chat chat(String command) {
		return switch (command) {
			case "chat:message" -> {
				Order order = this.orders.create(this.customer.caller(), new NewOrder("cash", BigDecimal.TEN, null));
				Chat chat = new Chat("roomId", order.conversationId().toString(), order.conversationId());
				this.router.dispatch(this.socket, "chat:join", args(Map.of("roomId", chat.value())), Ack.NONE);
				assertThat(this.socket.emitted("chat:userJoined")).as("joined").hasSize(1);
				yield chat;
			}
			case "send-message", "order_message" -> {
				Order order = externalOrder();
				yield new Chat("orderId", order.externalId(), order.conversationId());
			}
			case "send_message" -> {
				SupportSession session = this.desk.create(this.customer.caller(),
						new NewSession("Where is my food?", null, null, null, null));
				yield new Chat("session_id", session.id().toString(), session.conversationId());
			}
			case "dispute_message" -> {
				Dispute dispute = this.disputes.open(this.customer.caller(), externalOrder().id().toString(),
						"It never came");
				yield new Chat("disputeId", dispute.id().toString(), dispute.conversationId());
			}
			default -> throw new IllegalArgumentException(command);
		};
	}

	private Order externalOrder() {
		return this.orders
			.registerExternal(this.host.caller(),
					new ExternalOrder("ext-" + UUID.randomUUID(), new Party(this.customer.id(), this.customer.name()),
							new Party(this.performer.id(), this.performer.name()), "Groceries", null))
			.order();
	}

	/** The command as its seed's client sends it, with {@code tag} as its ack's label. */
	private void send(String command, Chat chat, String text, String tag) {
		Map<String, Object> payload = new HashMap<>();
		payload.put(chat.field(), chat.value());
		payload.put(switch (command) {
			case "chat:message", "send-message" -> "message";
			default -> "content";
		}, text);
		if (command.equals("send_message")) {
			payload.put("temp_id", tag);
			payload.put("message_type", "text");
		}
		this.router.dispatch(this.socket, command, args(payload), this.socket.ack(tag));
	}

	private JsonNode[] args(Map<String, Object> payload) {
		return new JsonNode[] { this.json.valueToTree(payload) };
	}

	/** Holds the writer's batch for this conversation until {@code holder} commits. */
	private static void lockConversation(Connection holder, ConversationId id) throws Exception {
		try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM conversations WHERE id = ? FOR UPDATE")) {
			lock.setObject(1, id.value());
			lock.executeQuery().close();
		}
	}

}
