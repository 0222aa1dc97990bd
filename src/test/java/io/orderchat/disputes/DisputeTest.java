package io.orderchat.disputes;

import java.time.Instant;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.orders.OrderId;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisputeTest {

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	final Caller moderator = new Caller("m1", "Mona", Role.MODERATOR, null);

	final Dispute open = new Dispute(UUID.randomUUID(), new OrderId(UUID.randomUUID()), ConversationId.random(), "c1",
			"p1", "c1", Role.CUSTOMER, "never arrived", DisputeStatus.OPEN, null, null, null, null, NOW, NOW);

	@Test
	void aModeratorTakesAnUnassignedDisputeIntoReviewAndDecidesIt() {
		Dispute review = this.open.changeStatus(DisputeStatus.IN_REVIEW, this.moderator, null, NOW);
		Dispute resolved = review.changeStatus(DisputeStatus.RESOLVED, this.moderator, "refunded", NOW);

		assertThat(review.moderatorId()).isEqualTo("m1");
		assertThat(review.isOpen()).isTrue();
		assertThat(resolved.isOpen()).isFalse();
		assertThat(resolved.resolution()).isEqualTo("refunded");
	}

	@Test
	void partiesCannotDecideTheirOwnDispute() {
		for (Role role : new Role[] { Role.CUSTOMER, Role.PERFORMER, Role.SUPPORT }) {
			Caller party = new Caller("c1", "Carla", role, null);
			assertThatThrownBy(() -> this.open.changeStatus(DisputeStatus.RESOLVED, party, null, NOW))
				.isInstanceOf(DomainException.class)
				.extracting((ex) -> ((DomainException) ex).code())
				.isEqualTo(ErrorCode.FORBIDDEN);
		}
	}

	@Test
	void aDecidedDisputeNeverChangesAndNothingGoesBackToOpen() {
		Dispute rejected = this.open.changeStatus(DisputeStatus.REJECTED, this.moderator, null, NOW);

		assertThatThrownBy(() -> rejected.changeStatus(DisputeStatus.RESOLVED, this.moderator, null, NOW))
			.isInstanceOf(DomainException.class)
			.extracting((ex) -> ((DomainException) ex).code())
			.isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
		assertThatThrownBy(() -> this.open.changeStatus(DisputeStatus.OPEN, this.moderator, null, NOW))
			.isInstanceOf(DomainException.class)
			.extracting((ex) -> ((DomainException) ex).code())
			.isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
	}

}
