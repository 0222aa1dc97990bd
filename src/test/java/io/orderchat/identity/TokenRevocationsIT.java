package io.orderchat.identity;

import java.time.Clock;
import java.time.Instant;

import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocations outlive the node that made them: a node that starts later loads them from
 * the table, and a second sign-out moves the instant on.
 */
class TokenRevocationsIT extends IntegrationTest {

	@Autowired
	TokenRevocations revocations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aNodeThatStartsLaterRefusesTheTokensRevokedBeforeItStarted() {
		Person carla = person("Carla", Role.CUSTOMER);
		Person admin = person("Ada", Role.ADMIN);
		TokenRevocations.Revocation first = this.revocations.revoke(admin.caller(), carla.id(), null);
		TokenRevocations.Revocation second = this.revocations.revoke(admin.caller(), carla.id(), "again");

		TokenRevocations laterNode = new TokenRevocations(this.jdbc, this.clock, this.events);
		laterNode.afterSingletonsInstantiated();

		Caller before = new Caller(carla.id(), carla.name(), carla.role(), Instant.now().plusSeconds(60),
				second.notBefore().minusMillis(1));
		Caller after = new Caller(carla.id(), carla.name(), carla.role(), Instant.now().plusSeconds(60),
				second.notBefore());
		assertThat(second.notBefore()).isAfterOrEqualTo(first.notBefore());
		assertThat(laterNode.refuses(before)).isTrue();
		assertThat(laterNode.refuses(after)).isFalse();
		assertThat(laterNode.refuses(new Caller(carla.id(), carla.name(), carla.role(), null))).as("no iat").isTrue();
		assertThat(laterNode.refuses(admin.caller())).as("someone else").isFalse();
		assertThat(this.jdbc.sql("SELECT reason FROM token_revocations WHERE user_id = ?")
			.param(carla.id())
			.query(String.class)
			.single()).isEqualTo("again");
	}

}
