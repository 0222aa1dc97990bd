package io.orderchat.orders;

import java.math.BigDecimal;
import java.time.Instant;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

	static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

	static final Instant T1 = T0.plusSeconds(60);

	final Caller customer = new Caller("c1", "Carla", Role.CUSTOMER, null);

	final Caller performer = new Caller("p1", "Pete", Role.PERFORMER, null);

	final Caller moderator = new Caller("m1", "Mona", Role.MODERATOR, null);

	final Caller stranger = new Caller("x1", "Xavier", Role.CUSTOMER, null);

	final Order pending = Order.place(OrderId.random(), null, ConversationId.random(), new Party("c1", "Carla"),
			new Party("p1", "Pete"), "cash", BigDecimal.TEN, null, null, T0);

	@Test
	void aModeratorAcceptsAPendingOrderAndBecomesItsModerator() {
		Order processing = this.pending.changeStatus(OrderStatus.PROCESSING, this.moderator, T1);

		assertThat(processing.status()).isEqualTo(OrderStatus.PROCESSING);
		assertThat(processing.moderatorId()).isEqualTo("m1");
		assertThat(processing.moderatorName()).isEqualTo("Mona");
		assertThat(processing.updatedAt()).isEqualTo(T1);
		assertThat(processing.version()).isEqualTo(1);
	}

	@Test
	void whoCouldMoveAnOrderToItsStatusMayRenameIt() {
		Caller admin = new Caller("a1", "Ada", Role.ADMIN, null);
		processing().requireMayRename(this.moderator);
		processing().requireMayRename(admin);
		this.pending.requireMayRename(admin);

		assertRefused(() -> processing().requireMayRename(this.customer), ErrorCode.FORBIDDEN);
		assertRefused(() -> this.pending.requireMayRename(this.moderator), ErrorCode.FORBIDDEN);
		assertRefused(() -> processing().changeStatus(OrderStatus.COMPLETED, admin, T1).requireMayRename(admin),
				ErrorCode.ILLEGAL_TRANSITION);
	}

	@Test
	void refusesToLetACustomerAcceptTheirOrder() {
		assertRefused(() -> this.pending.changeStatus(OrderStatus.PROCESSING, this.customer, T1), ErrorCode.FORBIDDEN);
	}

	@Test
	void thePerformerCompletesAProcessingOrder() {
		Order completed = processing().changeStatus(OrderStatus.COMPLETED, this.performer, T1);

		assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
	}

	@Test
	void staffCompleteAProcessingOrder() {
		assertThat(processing().changeStatus(OrderStatus.COMPLETED, this.moderator, T1).status())
			.isEqualTo(OrderStatus.COMPLETED);
	}

	@Test
	void refusesToCompleteAPendingOrder() {
		assertRefused(() -> this.pending.changeStatus(OrderStatus.COMPLETED, this.moderator, T1),
				ErrorCode.ILLEGAL_TRANSITION);
	}

	@Test
	void refusesToLetTheCustomerCompleteTheirOrder() {
		assertRefused(() -> processing().changeStatus(OrderStatus.COMPLETED, this.customer, T1), ErrorCode.FORBIDDEN);
	}

	@Test
	void theOrdersModeratorAndAdminsCancelTooButNoOtherModerator() {
		Caller admin = new Caller("a1", "Ada", Role.ADMIN, null);
		Caller otherModerator = new Caller("m2", "Max", Role.MODERATOR, null);
		assertThat(processing().changeStatus(OrderStatus.CANCELLED, this.moderator, T1).status())
			.isEqualTo(OrderStatus.CANCELLED);
		assertThat(processing().changeStatus(OrderStatus.CANCELLED, admin, T1).status())
			.isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.pending.changeStatus(OrderStatus.CANCELLED, admin, T1).status())
			.isEqualTo(OrderStatus.CANCELLED);
		assertRefused(() -> processing().changeStatus(OrderStatus.CANCELLED, otherModerator, T1), ErrorCode.FORBIDDEN);
	}

	@Test
	void theCustomerCancelsThePerformerAndModeratorsOfOtherOrdersDoNot() {
		assertThat(this.pending.changeStatus(OrderStatus.CANCELLED, this.customer, T1).status())
			.isEqualTo(OrderStatus.CANCELLED);
		assertThat(processing().changeStatus(OrderStatus.CANCELLED, this.customer, T1).status())
			.isEqualTo(OrderStatus.CANCELLED);
		assertRefused(() -> this.pending.changeStatus(OrderStatus.CANCELLED, this.moderator, T1), ErrorCode.FORBIDDEN);
		assertRefused(() -> this.pending.changeStatus(OrderStatus.CANCELLED, this.performer, T1), ErrorCode.FORBIDDEN);
	}

	@Test
	void onlyStaffReject() {
		assertThat(this.pending.changeStatus(OrderStatus.REJECTED, this.moderator, T1).status())
			.isEqualTo(OrderStatus.REJECTED);
		assertThat(processing().changeStatus(OrderStatus.REJECTED, this.moderator, T1).status())
			.isEqualTo(OrderStatus.REJECTED);
		assertRefused(() -> this.pending.changeStatus(OrderStatus.REJECTED, this.customer, T1), ErrorCode.FORBIDDEN);
		assertRefused(() -> this.pending.changeStatus(OrderStatus.REJECTED, this.performer, T1), ErrorCode.FORBIDDEN);
	}

	@Test
	void refusesEveryChangeOfAFinalOrder() {
		Order cancelled = this.pending.changeStatus(OrderStatus.CANCELLED, this.customer, T1);
		for (OrderStatus to : OrderStatus.values()) {
			assertRefused(() -> cancelled.changeStatus(to, this.moderator, T1), ErrorCode.ILLEGAL_TRANSITION);
		}
	}

	@Test
	void refusesToGoBackToPending() {
		assertRefused(() -> processing().changeStatus(OrderStatus.PENDING, this.moderator, T1),
				ErrorCode.ILLEGAL_TRANSITION);
		assertRefused(() -> this.pending.changeStatus(OrderStatus.PENDING, this.moderator, T1),
				ErrorCode.ILLEGAL_TRANSITION);
	}

	@Test
	void refusesAStrangerBeforeTellingThemAnything() {
		assertRefused(() -> this.pending.changeStatus(OrderStatus.COMPLETED, this.stranger, T1), ErrorCode.FORBIDDEN);
	}

	@Test
	void anAdminCompletingKeepsTheOrdersModerator() {
		Caller admin = new Caller("a1", "Ada", Role.ADMIN, null);

		Order completed = processing().changeStatus(OrderStatus.COMPLETED, admin, T1);

		assertThat(completed.moderatorId()).isEqualTo("m1");
	}

	@Test
	void anotherModeratorCannotActOnAModeratedOrder() {
		Caller other = new Caller("m2", "Max", Role.MODERATOR, null);

		assertRefused(() -> processing().changeStatus(OrderStatus.COMPLETED, other, T1), ErrorCode.FORBIDDEN);
		assertRefused(() -> processing().changeStatus(OrderStatus.REJECTED, other, T1), ErrorCode.FORBIDDEN);
	}

	@Test
	void aSupportAgentCannotAcceptRejectOrCompleteAnOrder() {
		Caller agent = new Caller("s1", "Sue", Role.SUPPORT, null);

		assertRefused(() -> this.pending.changeStatus(OrderStatus.PROCESSING, agent, T1), ErrorCode.FORBIDDEN);
		assertRefused(() -> this.pending.changeStatus(OrderStatus.REJECTED, agent, T1), ErrorCode.FORBIDDEN);
		assertRefused(() -> processing().changeStatus(OrderStatus.COMPLETED, agent, T1), ErrorCode.FORBIDDEN);
	}

	@Test
	void explainsAnIllegalTransition() {
		assertThatThrownBy(() -> this.pending.changeStatus(OrderStatus.COMPLETED, this.moderator, T1))
			.hasMessageContaining("pending")
			.hasMessageContaining("completed");
	}

	@Test
	void refusesANewPerformerForAFinalOrder() {
		Order completed = processing().changeStatus(OrderStatus.COMPLETED, this.performer, T1);

		assertRefused(() -> completed.withPerformer(new Party("p2", "Paula"), T1), ErrorCode.ILLEGAL_TRANSITION);
	}

	@Test
	void statusMachineIsAsDocumented() {
		assertThat(OrderStatus.PENDING.next()).containsExactlyInAnyOrder(OrderStatus.PROCESSING, OrderStatus.CANCELLED,
				OrderStatus.REJECTED);
		assertThat(OrderStatus.PROCESSING.next()).containsExactlyInAnyOrder(OrderStatus.COMPLETED,
				OrderStatus.CANCELLED, OrderStatus.REJECTED);
		assertThat(OrderStatus.parse("Completed")).contains(OrderStatus.COMPLETED);
		assertThat(OrderStatus.parse("done")).isEmpty();
	}

	private Order processing() {
		return this.pending.changeStatus(OrderStatus.PROCESSING, this.moderator, T0);
	}

	private static void assertRefused(Runnable change, ErrorCode code) {
		assertThatThrownBy(change::run).isInstanceOfSatisfying(DomainException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(code));
	}

}
