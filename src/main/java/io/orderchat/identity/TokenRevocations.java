package io.orderchat.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Inputs;
import io.orderchat.shared.Timestamps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing a user out everywhere: every token of theirs issued before the whole second of
 * the revocation is refused from then on ({@code TOKEN_REVOKED}), and so is every token
 * of theirs without {@code iat}, which cannot show it is newer. A token issued in that
 * second or later works.
 * <p>
 * The token check must not touch the database, so every node keeps every revocation in
 * memory ({@link Revoked}): loaded at start, and learnt from {@link TokensRevoked}, which
 * the realtime pipeline carries to every node (that is also what closes the user's
 * connections there). The table keeps the latest revocation of each user, for nodes that
 * start later.
 */
@Service
public class TokenRevocations implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

	static final int MAX_REASON = 500;

	static final int MAX_USER_ID = 200;

	private final Revoked revoked = new Revoked();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TokenRevocations(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Loads the stored revocations once the schema is migrated, before any request. */
	@Override
	public void afterSingletonsInstantiated() {
		load();
	}

	/**
	 * Reads the table again every minute: a node that missed a revocation on the bus (a
	 * Redis outage) refuses the old tokens within a minute all the same. One small query
	 * a minute, never one per token.
	 */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
	void reload() {
		try {
			load();
		}
		catch (DataAccessException ex) {
			log.debug("Could not read the token revocations again: {}", ex.getMessage());
		}
	}

	private void load() {
		this.jdbc.sql("SELECT user_id, not_before FROM token_revocations")
			.query((rs, row) -> Map.entry(rs.getString("user_id"), Timestamps.read(rs, "not_before")))
			.list()
			.forEach((entry) -> this.revoked.learn(entry.getKey(), entry.getValue()));
	}

	/**
	 * Signs {@code userId} out everywhere: admins only (a host app's service token is
	 * one; anyone else {@code FORBIDDEN}). This node refuses the old tokens as soon as
	 * this returns; the others when {@link TokensRevoked} reaches them.
	 */
	@Transactional
	public Revocation revoke(Caller by, String userId, String reason) {
		if (!by.is(Role.ADMIN)) {
			throw DomainException.forbidden("Only admins can sign users out");
		}
		String user = Inputs.optionalText(userId, "userId", MAX_USER_ID);
		if (user == null) {
			throw DomainException.invalid("A user id is required");
		}
		String why = Inputs.optionalText(reason, "reason", MAX_REASON);
		Instant at = Timestamps.now(this.clock);
		Instant notBefore = at.truncatedTo(ChronoUnit.SECONDS);
		int updated = this.jdbc
			.sql("UPDATE token_revocations SET not_before = ?, reason = ?, revoked_by = ?, revoked_at = ?"
					+ " WHERE user_id = ?")
			.params(Timestamps.column(notBefore), why, by.userId(), Timestamps.column(at), user)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO token_revocations (user_id, not_before, reason, revoked_by, revoked_at)"
						+ " VALUES (?, ?, ?, ?, ?)")
				.params(user, Timestamps.column(notBefore), why, by.userId(), Timestamps.column(at))
				.update();
		}
		this.revoked.learn(user, notBefore);
		this.events.publishEvent(new TokensRevoked(user, notBefore, by, why, at));
		return new Revocation(user, notBefore, by.userId(), why, at);
	}

	/** A revocation made on another node (idempotent; the later one wins). */
	public void learn(String userId, Instant notBefore) {
		this.revoked.learn(userId, notBefore);
	}

	/** Whether the caller's token is revoked now. */
	public boolean refuses(Caller caller) {
		return this.revoked.refuses(caller);
	}

	Revoked revoked() {
		return this.revoked;
	}

	/** What {@link #revoke} answers. */
	public record Revocation(String userId, Instant notBefore, String revokedBy, String reason, Instant revokedAt) {
	}

	/**
	 * The revocations this node knows: one instant per user, read on every token check.
	 */
	static final class Revoked {

		private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

		void learn(String userId, Instant instant) {
			this.notBefore.merge(userId, instant, (known, learnt) -> learnt.isAfter(known) ? learnt : known);
		}

		boolean refuses(Caller caller) {
			Instant instant = this.notBefore.get(caller.userId());
			return instant != null && (caller.issuedAt() == null || caller.issuedAt().isBefore(instant));
		}

		void check(Caller caller) {
			if (refuses(caller)) {
				throw new DomainException(ErrorCode.TOKEN_REVOKED,
						"This token was revoked: its user was signed out everywhere; sign in again for a new token");
			}
		}

	}

}
