package io.orderchat.moderation;

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

class TransferTest {

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	final Transfer pending = new Transfer(UUID.randomUUID(), new OrderId(UUID.randomUUID()), ConversationId.random(),
			"m1", "Mona", "m2", "Max", TransferStatus.PENDING, NOW, null);

	@Test
	void theTargetAcceptsOrDeclines() {
		Caller target = new Caller("m2", "Max", Role.MODERATOR, null);

		assertThat(this.pending.accept(target, NOW).status()).isEqualTo(TransferStatus.ACCEPTED);
		assertThat(this.pending.decline(target, NOW).status()).isEqualTo(TransferStatus.DECLINED);
		assertThat(this.pending.accept(target, NOW).decidedAt()).isEqualTo(NOW);
	}

	@Test
	void nobodyButTheTargetMayDecide() {
		for (Caller other : new Caller[] { new Caller("m3", "Mia", Role.MODERATOR, null),
				new Caller("m1", "Mona", Role.MODERATOR, null), new Caller("a1", "Ada", Role.ADMIN, null) }) {
			assertThatThrownBy(() -> this.pending.accept(other, NOW)).isInstanceOf(DomainException.class)
				.hasMessageContaining("Only Max")
				.extracting((ex) -> ((DomainException) ex).code())
				.isEqualTo(ErrorCode.FORBIDDEN);
		}
	}

	@Test
	void aDecidedTransferCannotBeDecidedAgain() {
		Caller target = new Caller("m2", "Max", Role.MODERATOR, null);
		Transfer declined = this.pending.decline(target, NOW);

		assertThatThrownBy(() -> declined.accept(target, NOW)).isInstanceOf(DomainException.class)
			.extracting((ex) -> ((DomainException) ex).code())
			.isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
	}

}
