package io.orderchat.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook_deliveries table: the outbox and the delivery log in one. A row is claimed
 * for sending by one UPDATE that sets a lease only where none is running, so of several
 * nodes claiming at once each row goes to one (on PostgreSQL the second UPDATE waits for
 * the first's row lock and then sees the lease; the same statement works on H2).
 */
@Repository
class Deliveries {

	private final JdbcClient jdbc;

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A delivery claimed for one attempt: what to send, where, and the claim's token. */
	record Claimed(UUID id, UUID endpointId, String url, String secret, WebhookEvent event, String body, int attempts,
			UUID lease) {
	}

	void insert(UUID id, UUID endpointId, WebhookEvent event, String body, Instant now) {
		this.jdbc
			.sql("INSERT INTO webhook_deliveries (id, endpoint_id, event, body, status, attempts, next_attempt_at, "
					+ "created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)")
			.params(id, endpointId, event.wire(), body, Timestamps.column(now), Timestamps.column(now))
			.update();
	}

	void insertFailed(UUID id, UUID endpointId, WebhookEvent event, String body, String error, Instant now) {
		this.jdbc
			.sql("INSERT INTO webhook_deliveries (id, endpoint_id, event, body, status, attempts, next_attempt_at, "
					+ "last_error, created_at) VALUES (?, ?, ?, ?, 'failed', 0, ?, ?, ?)")
			.params(id, endpointId, event.wire(), body, Timestamps.column(now), error, Timestamps.column(now))
			.update();
	}

	/**
	 * Claims up to {@code limit} due deliveries of enabled endpoints for this attempt:
	 * their lease runs until {@code leaseUntil}, and their attempt is counted now (so an
	 * attempt a crash interrupted counts too).
	 */
	List<Claimed> claim(int limit, Instant now, Instant leaseUntil) {
		UUID lease = UUID.randomUUID();
		String due = "status = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)";
		int claimed = this.jdbc
			.sql("UPDATE webhook_deliveries SET lease_owner = :lease, lease_until = :until, attempts = attempts + 1, "
					+ "last_attempt_at = :now WHERE " + due + " AND id IN (SELECT d.id FROM webhook_deliveries d "
					+ "JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE e.enabled AND d.status = 'pending' "
					+ "AND d.next_attempt_at <= :now AND (d.lease_until IS NULL OR d.lease_until < :now) "
					+ "ORDER BY d.next_attempt_at LIMIT :limit)")
			.param("lease", lease)
			.param("until", Timestamps.column(leaseUntil))
			.param("now", Timestamps.column(now))
			.param("limit", limit)
			.update();
		if (claimed == 0) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT d.id, d.endpoint_id, e.url, e.secret, d.event, d.body, d.attempts, d.lease_owner "
					+ "FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id "
					+ "WHERE d.lease_owner = ?")
			.params(lease)
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
					rs.getString("url"), rs.getString("secret"),
					WebhookEvent.parse(rs.getString("event")).orElseThrow(), rs.getString("body"),
					rs.getInt("attempts"), rs.getObject("lease_owner", UUID.class)))
			.list();
	}

	/** Records a success, if the claim is still this one's. */
	void delivered(Claimed claimed, int statusCode, Instant now) {
		this.jdbc
			.sql("UPDATE webhook_deliveries SET status = 'delivered', delivered_at = ?, last_status_code = ?, "
					+ "last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
			.params(Timestamps.column(now), statusCode, claimed.id(), claimed.lease())
			.update();
	}

	/**
	 * Records a failed attempt: the delivery waits until {@code retryAt}, or is given up
	 * ({@code failed}) when {@code retryAt} is {@code null}.
	 */
	void attemptFailed(Claimed claimed, Integer statusCode, String error, Instant retryAt) {
		this.jdbc
			.sql("UPDATE webhook_deliveries SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), "
					+ "last_status_code = ?, last_error = ?, lease_owner = NULL, lease_until = NULL "
					+ "WHERE id = ? AND lease_owner = ?")
			.params((retryAt != null) ? "pending" : "failed", Timestamps.column(retryAt), statusCode,
					truncate(error, 1000), claimed.id(), claimed.lease())
			.update();
	}

	/**
	 * Makes a pending or failed delivery due now (a failed one gets one more attempt);
	 * {@code false} when there is no such delivery or it was delivered.
	 */
	boolean retryNow(UUID id, Instant now) {
		return this.jdbc
			.sql("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ? "
					+ "WHERE id = ? AND status IN ('pending', 'failed')")
			.params(Timestamps.column(now), id)
			.update() > 0;
	}

	/** The newest deliveries first, optionally of one endpoint and in one status. */
	List<Delivery> newest(UUID endpointId, Delivery.Status status, int limit) {
		String wire = (status != null) ? status.wire() : null;
		return this.jdbc
			.sql("SELECT * FROM webhook_deliveries WHERE (CAST(? AS UUID) IS NULL OR endpoint_id = ?) "
					+ "AND (CAST(? AS VARCHAR) IS NULL OR status = ?) ORDER BY created_at DESC, id LIMIT ?")
			.params(endpointId, endpointId, wire, wire, limit)
			.query(Deliveries::map)
			.list();
	}

	Optional<Delivery> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM webhook_deliveries WHERE id = ?")
			.params(id)
			.query(Deliveries::map)
			.optional();
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		Number code = (Number) rs.getObject("last_status_code");
		return new Delivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
				WebhookEvent.parse(rs.getString("event")).orElseThrow(),
				Delivery.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
				Timestamps.read(rs, "next_attempt_at"), (code != null) ? code.intValue() : null,
				rs.getString("last_error"), Timestamps.read(rs, "last_attempt_at"), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "delivered_at"));
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
