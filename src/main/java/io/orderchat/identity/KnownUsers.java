package io.orderchat.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users seen in tokens, cached in the {@code users} table so that names and roles are
 * known for people who are offline. Writes only when a user's name or role changed since
 * this node last saw them.
 */
@Repository
class KnownUsers {

	private static final Logger log = LoggerFactory.getLogger(KnownUsers.class);

	private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final Clock clock;

	KnownUsers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void remember(Caller caller) {
		Seen now = new Seen(caller.name(), caller.role());
		if (now.equals(this.seen.get(caller.userId()))) {
			return;
		}
		try {
			upsert(caller);
			this.seen.put(caller.userId(), now);
		}
		catch (DataAccessException ex) {
			// Remembering users is a cache; a failure must not lock anyone out.
			log.warn("Could not remember user {}: {}", caller.userId(), ex.getMessage());
		}
	}

	private void upsert(Caller caller) {
		OffsetDateTime at = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		if (update(caller, at) > 0) {
			return;
		}
		try {
			this.jdbc.sql("INSERT INTO users (id, name, role, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")
				.params(caller.userId(), caller.name(), caller.role().wire(), at, at)
				.update();
		}
		catch (DuplicateKeyException ex) {
			update(caller, at);
		}
	}

	private int update(Caller caller, OffsetDateTime at) {
		return this.jdbc.sql("UPDATE users SET name = ?, role = ?, last_seen_at = ? WHERE id = ?")
			.params(caller.name(), caller.role().wire(), at, caller.userId())
			.update();
	}

	private record Seen(String name, Role role) {
	}

}
