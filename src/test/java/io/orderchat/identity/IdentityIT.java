package io.orderchat.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.orderchat.identity.UserDirectory.KnownUser;
import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users are remembered behind the token check's back, in batches, on PostgreSQL: written
 * after a flush, found by the directory before it, and never a reason to refuse a token.
 */
class IdentityIT extends IntegrationTest {

	@Autowired
	TokenVerifier verifier;

	@Autowired
	KnownUsers knownUsers;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aUserSeenIsInTheUsersTableAfterFlush() {
		Person ann = person("Ann", Role.PERFORMER);

		this.verifier.verify(ann.token());
		this.knownUsers.flush();

		assertThat(row(ann.id())).isEqualTo(new KnownUser(ann.id(), "Ann", Role.PERFORMER));
	}

	@Test
	void theDirectoryFindsAUserSeenAMomentAgo() {
		Person mo = person("Mo", Role.MODERATOR);

		this.verifier.verify(mo.token());

		assertThat(this.directory.find(mo.id())).contains(new KnownUser(mo.id(), "Mo", Role.MODERATOR));
	}

	@Test
	void aNameOrRoleChangeIsWritten() {
		Person ann = person("Ann", Role.CUSTOMER);
		this.verifier.verify(ann.token());
		this.knownUsers.flush();
		OffsetDateTime firstSeen = firstSeenAt(ann.id());

		this.verifier.verify(token(ann.id(), "Ann Smith", Role.PERFORMER, Instant.now().plusSeconds(600)));
		this.knownUsers.flush();

		assertThat(row(ann.id())).isEqualTo(new KnownUser(ann.id(), "Ann Smith", Role.PERFORMER));
		assertThat(this.directory.find(ann.id())).contains(new KnownUser(ann.id(), "Ann Smith", Role.PERFORMER));
		assertThat(firstSeenAt(ann.id())).isEqualTo(firstSeen);
	}

	@Test
	void aStormOfNewUsersIsWrittenInBatches() {
		String prefix = person("storm", Role.CUSTOMER).id();
		int users = KnownUsers.BATCH * 2 + 37;

		IntStream.range(0, users)
			.parallel()
			.forEach((i) -> this.verifier
				.verify(token(prefix + "-" + i, "Storm " + i, Role.CUSTOMER, Instant.now().plusSeconds(600))));
		this.knownUsers.flush();

		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE id LIKE ?")
			.param(prefix + "-%")
			.query(Long.class)
			.single()).isEqualTo(users);
	}

	@Test
	void twoNodesMeetingTheSameNewUsersBothWriteThem() {
		KnownUsers otherNode = new KnownUsers(this.jdbc, Clock.systemUTC());
		List<Caller> callers = new ArrayList<>();
		String prefix = person("both", Role.CUSTOMER).id();
		for (int i = 0; i < 300; i++) {
			callers.add(new Caller(prefix + "-" + i, "Both " + i, Role.CUSTOMER, null));
		}

		callers.forEach(this.knownUsers::remember);
		callers.forEach(otherNode::remember);
		CompletableFuture
			.allOf(CompletableFuture.runAsync(this.knownUsers::flush), CompletableFuture.runAsync(otherNode::flush))
			.join();
		this.knownUsers.flush();
		otherNode.flush();

		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE id LIKE ?")
			.param(prefix + "-%")
			.query(Long.class)
			.single()).isEqualTo(300);
	}

	@Test
	void aDatabaseFailureLocksNobodyOut() {
		DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/orderchat");
		KnownUsers users = new KnownUsers(JdbcClient.create(unreachable), Clock.systemUTC());
		TokenVerifier verifier = new TokenVerifier(
				SigningKeys.from(new IdentityProperties(SECRET, null, Duration.ofHours(1))), users, Clock.systemUTC());
		Person ann = person("Ann", Role.CUSTOMER);

		assertThat(verifier.verify(ann.token()).userId()).isEqualTo(ann.id());
		users.flush();

		assertThat(users.pending(ann.id())).as("dropped, to be tried again at the next token").isEmpty();
		assertThat(verifier.verify(ann.token()).userId()).isEqualTo(ann.id());
	}

	private KnownUser row(String userId) {
		return this.jdbc.sql("SELECT id, name, role FROM users WHERE id = ?")
			.param(userId)
			.query((rs, row) -> new KnownUser(rs.getString("id"), rs.getString("name"),
					Role.parse(rs.getString("role")).orElseThrow()))
			.single();
	}

	private OffsetDateTime firstSeenAt(String userId) {
		return this.jdbc.sql("SELECT first_seen_at FROM users WHERE id = ?")
			.param(userId)
			.query(OffsetDateTime.class)
			.single();
	}

}
