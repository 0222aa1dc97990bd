package io.orderchat.support;

import java.time.Instant;
import java.util.UUID;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportSessionTest {

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	final Caller customer = new Caller("c1", "Carla", Role.CUSTOMER, null);

	final Caller agent = new Caller("a1", "Sam", Role.SUPPORT, null);

	final Caller agent2 = new Caller("a2", "Sue", Role.SUPPORT, null);

	final Caller moderator = new Caller("m1", "Mona", Role.MODERATOR, null);

	final SupportSession waiting = new SupportSession(UUID.randomUUID(), ConversationId.random(), "c1", "Carla", null,
			null, "help", "general", Priority.HIGH, null, SupportStatus.WAITING, NOW, NOW, null, null, null, null);

	@Test
	void anAgentAcceptsAWaitingSession() {
		SupportSession accepted = this.waiting.accept(this.agent, NOW);

		assertThat(accepted.status()).isEqualTo(SupportStatus.ACTIVE);
		assertThat(accepted.agentId()).isEqualTo("a1");
		assertThat(accepted.acceptedAt()).isEqualTo(NOW);
	}

	@Test
	void theSecondAgentToAcceptIsRefusedWithAConflict() {
		SupportSession accepted = this.waiting.accept(this.agent, NOW);

		assertThatThrownBy(() -> accepted.accept(this.agent2, NOW)).isInstanceOf(DomainException.class)
			.hasMessageContaining("already accepted by Sam")
			.extracting((ex) -> ((DomainException) ex).code())
			.isEqualTo(ErrorCode.CONFLICT);
	}

	@Test
	void customersAndModeratorsCannotAccept() {
		assertRefused(() -> this.waiting.accept(this.customer, NOW), ErrorCode.FORBIDDEN);
		assertRefused(() -> this.waiting.accept(this.moderator, NOW), ErrorCode.FORBIDDEN);
	}

	@Test
	void onlyAnActiveSessionCanBeResolvedAndOnlyByAnAgent() {
		assertRefused(() -> this.waiting.changeStatus(this.agent, SupportStatus.RESOLVED, NOW),
				ErrorCode.ILLEGAL_TRANSITION);
		SupportSession active = this.waiting.accept(this.agent, NOW);
		assertRefused(() -> active.changeStatus(this.customer, SupportStatus.RESOLVED, NOW), ErrorCode.FORBIDDEN);

		assertThat(active.changeStatus(this.agent, SupportStatus.RESOLVED, NOW).status())
			.isEqualTo(SupportStatus.RESOLVED);
	}

	@Test
	void eitherSideClosesOnceAndStrangersNever() {
		Caller stranger = new Caller("c2", "Otto", Role.CUSTOMER, null);
		assertRefused(() -> this.waiting.changeStatus(stranger, SupportStatus.CLOSED, NOW), ErrorCode.FORBIDDEN);

		SupportSession closed = this.waiting.changeStatus(this.customer, SupportStatus.CLOSED, NOW);

		assertThat(closed.closedBy()).isEqualTo("c1");
		assertRefused(() -> closed.changeStatus(this.agent, SupportStatus.CLOSED, NOW), ErrorCode.ILLEGAL_TRANSITION);
		assertRefused(() -> closed.accept(this.agent, NOW), ErrorCode.ILLEGAL_TRANSITION);
		assertRefused(() -> closed.changeStatus(this.agent, SupportStatus.WAITING, NOW), ErrorCode.ILLEGAL_TRANSITION);
	}

	static void assertRefused(Runnable change, ErrorCode code) {
		assertThatThrownBy(change::run).isInstanceOf(DomainException.class)
			.extracting((ex) -> ((DomainException) ex).code())
			.isEqualTo(code);
	}

}
