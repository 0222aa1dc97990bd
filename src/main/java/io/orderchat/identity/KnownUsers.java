package io.orderchat.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.orderchat.identity.UserDirectory.KnownUser;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users seen in tokens, cached in the {@code users} table so that names and roles are
 * known for people who are offline. Writes only when a user's name or role changed since
 * this node last saw them, and then behind the caller's back: the users waiting are
 * written together, one statement per batch, on a thread of their own, so that neither a
 * connect storm nor a slow database holds up a token check. Until written, a user is
 * found in {@link #pending}.
 * <p>
 * A plain component, not a {@code @Repository}: that would put an exception-translating
 * proxy in front of {@link #remember}, which every token check calls, and JdbcClient
 * translates the exceptions already.
 */
@Component
class KnownUsers {

	private static final Logger log = LoggerFactory.getLogger(KnownUsers.class);

	/** Users per statement: four parameters each, well inside PostgreSQL's 65,535. */
	static final int BATCH = 500;

	private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Seen> pending = new ConcurrentHashMap<>();

	private final AtomicBoolean flushQueued = new AtomicBoolean();

	private final ReentrantLock writing = new ReentrantLock();

	private final JdbcClient jdbc;

	private final Clock clock;

	KnownUsers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void remember(Caller caller) {
		Seen now = new Seen(caller.name(), caller.role());
		Seen waiting = this.pending.get(caller.userId());
		if (now.equals(waiting) || (waiting == null && now.equals(this.seen.get(caller.userId())))) {
			return;
		}
		this.pending.put(caller.userId(), now);
		if (this.flushQueued.compareAndSet(false, true)) {
			Thread.ofVirtual().name("known-users").start(this::flushQueued);
		}
	}

	/** The user as last seen, if not written yet. */
	Optional<KnownUser> pending(String userId) {
		Seen waiting = this.pending.get(userId);
		return (waiting != null) ? Optional.of(new KnownUser(userId, waiting.name(), waiting.role()))
				: Optional.empty();
	}

	private void flushQueued() {
		// cleared first: a user who arrives during this flush queues the next one
		this.flushQueued.set(false);
		flush();
	}

	/**
	 * Writes every user waiting now. A batch that fails is dropped with a warning rather
	 * than retried: remembering users is a cache, and the next token of each of them
	 * tries again.
	 */
	@PreDestroy
	void flush() {
		this.writing.lock();
		try {
			List<Map.Entry<String, Seen>> waiting = List.copyOf(this.pending.entrySet());
			for (int from = 0; from < waiting.size(); from += BATCH) {
				List<Map.Entry<String, Seen>> batch = waiting.subList(from, Math.min(waiting.size(), from + BATCH));
				try {
					write(batch);
					batch.forEach((user) -> this.seen.put(user.getKey(), user.getValue()));
				}
				catch (DataAccessException ex) {
					log.warn("Could not remember {} users: {}", batch.size(), ex.getMessage());
				}
				// a user seen again with another name meanwhile stays for the next flush
				batch.forEach((user) -> this.pending.remove(user.getKey(), user.getValue()));
			}
		}
		finally {
			this.writing.unlock();
		}
	}

	private void write(List<Map.Entry<String, Seen>> users) {
		try {
			merge(users);
		}
		catch (DuplicateKeyException ex) {
			// another node inserted one of them first: now they all match
			merge(users);
		}
	}

	/** Standard MERGE: PostgreSQL 15+ and H2 (the embedded default) both run it. */
	private void merge(List<Map.Entry<String, Seen>> users) {
		OffsetDateTime at = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		StringBuilder sql = new StringBuilder("MERGE INTO users u USING (VALUES ");
		List<Object> params = new ArrayList<>(users.size() * 4);
		for (Map.Entry<String, Seen> user : users) {
			sql.append((params.isEmpty()) ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
			params.add(user.getKey());
			params.add(user.getValue().name());
			params.add(user.getValue().role().wire());
			params.add(at);
		}
		sql.append(") AS v (id, name, role, seen_at) ON u.id = v.id ")
			.append("WHEN MATCHED THEN UPDATE SET name = v.name, role = v.role, last_seen_at = v.seen_at ")
			.append("WHEN NOT MATCHED THEN INSERT (id, name, role, first_seen_at, last_seen_at) ")
			.append("VALUES (v.id, v.name, v.role, v.seen_at, v.seen_at)");
		this.jdbc.sql(sql.toString()).params(params).update();
	}

	private record Seen(String name, Role role) {
	}

}
