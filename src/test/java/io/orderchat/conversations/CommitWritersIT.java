package io.orderchat.conversations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.identity.Role;
import io.orderchat.orders.ExternalOrder;
import io.orderchat.orders.OrderManagement;
import io.orderchat.orders.Party;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.event.TransactionalApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A commit writer that fails, hangs or waits on a lock never silences the conversations
 * hashed to it: its sends are answered ({@code UNAVAILABLE}, outcome unknown), the next
 * sends are stored, the health endpoint says DOWN while a writer is stuck.
 */
@Import(CommitWritersIT.Sabotage.class)
@TestPropertySource(
		properties = { "orderchat.commit-writers.statement-timeout=1s", "orderchat.commit-writers.stuck-after=2s" })
class CommitWritersIT extends IntegrationTest {

	/** Far below the old 60 s wait, above the 2 s watchdog bound. */
	private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);

	@Autowired
	ConversationHistory history;

	@Autowired
	Messaging messaging;

	@Autowired
	OrderManagement orders;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("commitWritersHealthIndicator")
	HealthIndicator health;

	final Person admin = person("Ada Admin", Role.ADMIN);

	final Person customer = person("Carla Customer", Role.CUSTOMER);

	final Person performer = person("Pete Performer", Role.PERFORMER);

	@BeforeEach
	void armTheHang() {
		Sabotage.release = new CountDownLatch(1);
	}

	@AfterEach
	void releaseTheHang() {
		Sabotage.release.countDown();
	}

	@Test
	void aWriterHitByAnOutOfMemoryErrorAnswersItsBatchAndKeepsStoring() {
		ConversationId id = conversation();
		assertTimeoutPreemptively(ANSWERED_WITHIN, () -> {
			assertThatThrownBy(() -> send(id, Sabotage.OUT_OF_MEMORY)).isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE));
			// the same writer stores the next message
			assertThat(send(id, "after the error").message().content()).isEqualTo("after the error");
		});
	}

	@Test
	void aHungWriterIsReplacedItsConversationsKeepSendingAndHealthSaysDown() throws Exception {
		ConversationId hung = conversation();
		ConversationId neighbour = conversationOnTheWriterOf(hung);
		double restartsBefore = restarts();
		CompletableFuture<SendResult> stuck = CompletableFuture.supplyAsync(() -> send(hung, Sabotage.HANG));
		assertThat(Sabotage.hanging.await(10, TimeUnit.SECONDS)).isTrue();
		assertTimeoutPreemptively(ANSWERED_WITHIN, () -> {
			assertThatThrownBy(stuck::join).hasCauseInstanceOf(DomainException.class)
				.cause()
				.satisfies((ex) -> assertThat(((DomainException) ex).code()).isEqualTo(ErrorCode.UNAVAILABLE));
			// the replaced writer still hangs; its successor serves the same
			// conversations
			assertThat(send(neighbour, "next door").message().content()).isEqualTo("next door");
			assertThat(send(hung, "after the hang").message().content()).isEqualTo("after the hang");
		});
		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(api().get("/actuator/health", null).status()).isEqualTo(503);
		assertThat(restarts()).isEqualTo(restartsBefore + 1);

		Sabotage.release.countDown();
		long deadline = System.nanoTime() + ANSWERED_WITHIN.toNanos();
		while (this.health.health().getStatus() != Status.UP && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void aSendWaitingForALockIsAnsweredWithinTheStatementTimeout() throws Exception {
		ConversationId locked = conversation();
		ConversationId neighbour = conversationOnTheWriterOf(locked);
		TestDatabase.Settings database = TestDatabase.get();
		try (Connection other = DriverManager.getConnection(database.url(), database.username(), database.password())) {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other
				.prepareStatement("SELECT id FROM conversations WHERE id = ? FOR UPDATE")) {
				lock.setObject(1, locked.value());
				lock.executeQuery().close();
			}
			assertTimeoutPreemptively(ANSWERED_WITHIN, () -> {
				assertThatThrownBy(() -> send(locked, "behind a lock")).isInstanceOfSatisfying(DomainException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE));
				assertThat(send(neighbour, "not behind it").message().content()).isEqualTo("not behind it");
			});
			other.rollback();
		}
		assertThat(send(locked, "lock gone").message().content()).isEqualTo("lock gone");
	}

	@Test
	void aSendAnsweredUnavailableAfterItsCommitIsFoundByItsResendNotStoredTwice() throws Exception {
		ConversationId id = conversation();
		CompletableFuture<SendResult> stuck = CompletableFuture.supplyAsync(() -> this.messaging
			.send(this.customer.caller(), id, NewMessage.text(Sabotage.HANG_AFTER_COMMIT, "ghost-1")));
		assertTimeoutPreemptively(ANSWERED_WITHIN, () -> {
			assertThatThrownBy(stuck::join).hasCauseInstanceOf(DomainException.class)
				.cause()
				.satisfies((ex) -> assertThat(((DomainException) ex).code()).isEqualTo(ErrorCode.UNAVAILABLE));
			// committed before the writer hung: the resend finds it
			SendResult resent = this.messaging.send(this.customer.caller(), id,
					NewMessage.text(Sabotage.HANG_AFTER_COMMIT, "ghost-1"));
			assertThat(resent.duplicate()).isTrue();
		});
		Sabotage.release.countDown();
		assertThat(this.history.history(this.customer.caller(), id, null, 0L, 200)
			.messages()
			.stream()
			.filter((message) -> "ghost-1".equals(message.clientId()))).hasSize(1);
	}

	@Test
	void postgresConnectionsGiveUpOnASilentServer() {
		assertThat(((HikariDataSource) this.dataSource).getDataSourceProperties()).containsEntry("socketTimeout", "30")
			.containsEntry("connectTimeout", "5")
			.containsEntry("loginTimeout", "5");
	}

	private SendResult send(ConversationId id, String content) {
		return this.messaging.send(this.customer.caller(), id, NewMessage.text(content, null));
	}

	private double restarts() {
		return this.meters.get("orderchat.commit.writer.restarts").counter().count();
	}

	private ConversationId conversation() {
		return this.orders
			.registerExternal(this.admin.caller(),
					new ExternalOrder("writers-" + UUID.randomUUID(),
							new Party(this.customer.id(), this.customer.name()),
							new Party(this.performer.id(), this.performer.name()), null, null))
			.order()
			.conversationId();
	}

	/** Another conversation stored by the same writer. */
	private ConversationId conversationOnTheWriterOf(ConversationId id) {
		while (true) {
			ConversationId other = conversation();
			if (writerOf(other) == writerOf(id)) {
				return other;
			}
		}
	}

	private static int writerOf(ConversationId id) {
		return Math.floorMod(id.value().hashCode(), GroupCommit.WRITERS);
	}

	/**
	 * Runs on the writer, inside its transaction: simulates an {@link OutOfMemoryError}
	 * and a thread hung in the driver (deaf to interrupts) on marked messages.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Sabotage {

		static final String OUT_OF_MEMORY = "simulate OutOfMemoryError";

		static final String HANG = "simulate a hang";

		static final String HANG_AFTER_COMMIT = "simulate a hang after the commit";

		static final CountDownLatch hanging = new CountDownLatch(1);

		static volatile CountDownLatch release = new CountDownLatch(1);

		/**
		 * A plain listener, not {@code @EventListener}: that one would wrap the error in
		 * an exception.
		 */
		@Bean
		ApplicationListener<PayloadApplicationEvent<MessagePosted>> sabotage() {
			return ApplicationListener.forPayload(Sabotage::on);
		}

		/** Runs after the commit (and the disk sync), where delivery runs. */
		@Bean
		TransactionalApplicationListener<PayloadApplicationEvent<MessagePosted>> sabotageAfterCommit() {
			return TransactionalApplicationListener.forPayload((MessagePosted posted) -> {
				if (HANG_AFTER_COMMIT.equals(posted.message().content())) {
					hang();
				}
			});
		}

		static void on(MessagePosted posted) {
			if (OUT_OF_MEMORY.equals(posted.message().content())) {
				throw new OutOfMemoryError("simulated");
			}
			if (HANG.equals(posted.message().content())) {
				hanging.countDown();
				hang();
			}
		}

		private static void hang() {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (release.getCount() > 0 && System.nanoTime() < deadline) {
				try {
					release.await(100, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException deaf) {
					// like a thread blocked in a socket read: an interrupt does not free
					// it
				}
			}
		}

	}

}
