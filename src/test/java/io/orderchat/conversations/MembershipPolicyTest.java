package io.orderchat.conversations;

import io.orderchat.identity.Caller;
import io.orderchat.identity.Role;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipPolicyTest {

	@Test
	void moderatorsAndAdminsChangeWhoIsInOrderAndDisputeChats() {
		for (ConversationKind kind : new ConversationKind[] { ConversationKind.ORDER, ConversationKind.DISPUTE }) {
			assertThat(MembershipPolicy.mayChange(as(Role.MODERATOR), kind)).as(kind.wire()).isTrue();
			assertThat(MembershipPolicy.mayChange(as(Role.ADMIN), kind)).as(kind.wire()).isTrue();
			assertThat(MembershipPolicy.mayChange(as(Role.SUPPORT), kind)).as(kind.wire()).isFalse();
		}
	}

	@Test
	void supportAgentsAndAdminsChangeWhoIsInSupportChats() {
		assertThat(MembershipPolicy.mayChange(as(Role.SUPPORT), ConversationKind.SUPPORT)).isTrue();
		assertThat(MembershipPolicy.mayChange(as(Role.ADMIN), ConversationKind.SUPPORT)).isTrue();
		assertThat(MembershipPolicy.mayChange(as(Role.MODERATOR), ConversationKind.SUPPORT)).isFalse();
	}

	@Test
	void customersAndPerformersNeverDo() {
		for (ConversationKind kind : ConversationKind.values()) {
			for (Role role : new Role[] { Role.CUSTOMER, Role.PERFORMER }) {
				assertThatThrownBy(() -> MembershipPolicy.require(as(role), kind)).isInstanceOfSatisfying(
						DomainException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
			}
		}
	}

	private static Caller as(Role role) {
		return new Caller("u-" + role.wire(), null, role, null);
	}

}
