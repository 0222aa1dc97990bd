package io.orderchat.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people this server has seen in tokens, by id: how other modules learn the name and
 * role of someone who is not the caller (the moderator a chat is transferred to, the
 * agent a session is assigned to). Someone who never called is unknown.
 */
@Service
public class UserDirectory {

	private final JdbcClient jdbc;

	private final KnownUsers users;

	UserDirectory(JdbcClient jdbc, KnownUsers users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/** Finds someone seen a moment ago too, whose row may not be written yet. */
	@Transactional(readOnly = true)
	public Optional<KnownUser> find(String userId) {
		if (userId == null || userId.isBlank()) {
			return Optional.empty();
		}
		String id = userId.strip();
		Optional<KnownUser> pending = this.users.pending(id);
		if (pending.isPresent()) {
			return pending;
		}
		return this.jdbc.sql("SELECT id, name, role FROM users WHERE id = ?")
			.param(id)
			.query((rs, row) -> new KnownUser(rs.getString("id"), rs.getString("name"),
					Role.parse(rs.getString("role")).orElseThrow()))
			.optional();
	}

	/** A person as last seen in one of their tokens. */
	public record KnownUser(String id, String name, Role role) {
	}

}
