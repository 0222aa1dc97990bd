package io.orderchat.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics' SQL: portable between PostgreSQL and H2 (both have
 * {@code percentile_cont … WITHIN GROUP}, {@code EXTRACT(EPOCH …)} and
 * {@code AT TIME ZONE}). Every range query is bounded by {@code [from, to)} on an indexed
 * or small table; messages are counted by their {@code created_at} (a BRIN index on
 * PostgreSQL, migration V121).
 */
@Repository
class StatsQueries {

	/** A day as UTC sees it. */
	private static final String DAY = "CAST((%s AT TIME ZONE 'UTC') AS DATE)";

	private static final String OWNER = "(CAST(:owner AS VARCHAR) IS NULL OR %s = :owner)";

	private static final String SECONDS = "CAST(EXTRACT(EPOCH FROM %s) - EXTRACT(EPOCH FROM %s) AS DOUBLE PRECISION)";

	/** A message a person wrote for everyone in the conversation. */
	private static final String PEOPLES = "m.type <> 'system' AND m.visibility = 'all'";

	/** The median and the 90th percentile of {@code secs}. */
	private static final String PERCENTILES = "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY secs) AS med, "
			+ "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY secs) AS p90";

	private final JdbcClient jdbc;

	StatsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Rows of {@code table} whose {@code time} falls in the range, per UTC day. */
	Map<LocalDate, Long> perDay(String table, String time, String where, String ownerColumn, Scope scope, Instant from,
			Instant to) {
		String sql = "SELECT utc_day, COUNT(*) AS n FROM (SELECT " + DAY.formatted(time) + " AS utc_day FROM " + table
				+ " WHERE " + time + " >= :from AND " + time + " < :to AND " + where + " AND "
				+ OWNER.formatted(ownerColumn) + ") x GROUP BY utc_day";
		return days(sql, scope, from, to);
	}

	/**
	 * Messages people wrote in the range (not system messages, not staff notes), per UTC
	 * day.
	 */
	Map<LocalDate, Long> messagesPerDay(Scope scope, Instant from, Instant to) {
		String inScope = scope.isAll() ? "" : " AND m.conversation_id IN (" + conversationsOf(scope) + ")";
		String sql = "SELECT utc_day, COUNT(*) AS n FROM (SELECT " + DAY.formatted("m.created_at")
				+ " AS utc_day FROM all_messages m WHERE m.created_at >= :from AND m.created_at < :to AND " + PEOPLES
				+ inScope + ") x GROUP BY utc_day";
		return days(sql, scope, from, to);
	}

	private static String conversationsOf(Scope scope) {
		if (scope.support()) {
			return "SELECT conversation_id FROM support_sessions WHERE agent_id = :owner";
		}
		return "SELECT conversation_id FROM orders WHERE moderator_id = :owner "
				+ "UNION SELECT conversation_id FROM disputes WHERE moderator_id = :owner";
	}

	private Map<LocalDate, Long> days(String sql, Scope scope, Instant from, Instant to) {
		Map<LocalDate, Long> days = new TreeMap<>();
		this.jdbc.sql(sql)
			.param("from", Timestamps.column(from))
			.param("to", Timestamps.column(to))
			.param("owner", scope.owner())
			.query((rs) -> {
				days.put(rs.getObject("utc_day", LocalDate.class), rs.getLong("n"));
			});
		return days;
	}

	/**
	 * Support sessions created in the range, with the time to the first message of an
	 * agent or admin.
	 */
	String supportFirstResponses() {
		return "SELECT person, " + SECONDS.formatted("first_at", "created_at") + " AS secs FROM (SELECT s.agent_id "
				+ "AS person, s.created_at, (SELECT MIN(m.created_at) FROM all_messages m WHERE m.conversation_id = "
				+ "s.conversation_id AND " + PEOPLES + " AND m.sender_role IN ('support', 'admin')) AS first_at "
				+ "FROM support_sessions s WHERE s.created_at >= :from AND s.created_at < :to AND "
				+ OWNER.formatted("s.agent_id") + ") r WHERE first_at IS NOT NULL";
	}

	/**
	 * Support sessions created in the range and resolved (or closed), with the time it
	 * took.
	 */
	String supportResolutions() {
		return "SELECT agent_id AS person, " + SECONDS.formatted("COALESCE(resolved_at, closed_at)", "created_at")
				+ " AS secs FROM support_sessions WHERE created_at >= :from AND created_at < :to "
				+ "AND COALESCE(resolved_at, closed_at) IS NOT NULL AND " + OWNER.formatted("agent_id");
	}

	/**
	 * Moderated orders created in the range, with the time to the first message of a
	 * moderator or admin.
	 */
	String orderFirstResponses() {
		return "SELECT person, " + SECONDS.formatted("first_at", "created_at") + " AS secs FROM (SELECT o.moderator_id "
				+ "AS person, o.created_at, (SELECT MIN(m.created_at) FROM all_messages m WHERE m.conversation_id = "
				+ "o.conversation_id AND " + PEOPLES + " AND m.sender_role IN ('moderator', 'admin')) AS first_at "
				+ "FROM orders o WHERE o.moderator_id IS NOT NULL AND o.created_at >= :from AND o.created_at < :to AND "
				+ OWNER.formatted("o.moderator_id") + ") r WHERE first_at IS NOT NULL";
	}

	/**
	 * Moderated orders created in the range that reached a final status, with the time it
	 * took (to their last change, which a final status is).
	 */
	String orderResolutions() {
		return "SELECT moderator_id AS person, " + SECONDS.formatted("updated_at", "created_at")
				+ " AS secs FROM orders WHERE moderator_id IS NOT NULL AND created_at >= :from AND created_at < :to "
				+ "AND status IN ('completed', 'cancelled', 'rejected') AND " + OWNER.formatted("moderator_id");
	}

	/** The median and p90 of {@code rows}' {@code secs}, over all and per person. */
	Durations durations(String rows, Scope scope, Instant from, Instant to) {
		return this.jdbc.sql("SELECT COUNT(*) AS n, " + PERCENTILES + " FROM (" + rows + ") x")
			.param("from", Timestamps.column(from))
			.param("to", Timestamps.column(to))
			.param("owner", scope.owner())
			.query((rs, row) -> durations(rs))
			.single();
	}

	Map<String, Durations> durationsPerPerson(String rows, Scope scope, Instant from, Instant to) {
		Map<String, Durations> byPerson = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT person, COUNT(*) AS n, " + PERCENTILES + " FROM (" + rows
					+ ") x WHERE person IS NOT NULL GROUP BY person")
			.param("from", Timestamps.column(from))
			.param("to", Timestamps.column(to))
			.param("owner", scope.owner())
			.query((rs) -> {
				byPerson.put(rs.getString("person"), durations(rs));
			});
		return byPerson;
	}

	private static Durations durations(ResultSet rs) throws SQLException {
		long count = rs.getLong("n");
		if (count == 0) {
			return Durations.NONE;
		}
		return new Durations(count, round(rs.getDouble("med")), round(rs.getDouble("p90")));
	}

	/** To the millisecond: the database keeps microseconds, a report needs no more. */
	private static double round(double seconds) {
		return Math.round(seconds * 1000) / 1000.0;
	}

	/** A person's handled and resolved cases in the range, and open ones now. */
	record Workload(String userId, String name, long handled, long resolved, long openNow) {
	}

	List<Workload> agentWorkloads(Scope scope, Instant from, Instant to) {
		return workloads("support_sessions", "agent_id", "agent_name", "COALESCE(resolved_at, closed_at) IS NOT NULL",
				"status = 'active'", scope, from, to);
	}

	List<Workload> moderatorWorkloads(Scope scope, Instant from, Instant to) {
		return workloads("orders", "moderator_id", "moderator_name", "status IN ('completed', 'cancelled', 'rejected')",
				"status = 'processing'", scope, from, to);
	}

	private List<Workload> workloads(String table, String person, String name, String resolved, String open,
			Scope scope, Instant from, Instant to) {
		String inRange = "created_at >= :from AND created_at < :to";
		return this.jdbc
			.sql("SELECT " + person + " AS person, MAX(" + name + ") AS name, SUM(CASE WHEN " + inRange
					+ " THEN 1 ELSE 0 END) AS handled, SUM(CASE WHEN " + inRange + " AND " + resolved
					+ " THEN 1 ELSE 0 END) AS resolved, SUM(CASE WHEN " + open + " THEN 1 ELSE 0 END) AS open_now FROM "
					+ table + " WHERE " + person + " IS NOT NULL AND ((" + inRange + ") OR " + open + ") AND "
					+ OWNER.formatted(person) + " GROUP BY " + person + " ORDER BY " + person)
			.param("from", Timestamps.column(from))
			.param("to", Timestamps.column(to))
			.param("owner", scope.owner())
			.query((rs, row) -> new Workload(rs.getString("person"), rs.getString("name"), rs.getLong("handled"),
					rs.getLong("resolved"), rs.getLong("open_now")))
			.list();
	}

	/**
	 * How many rows of {@code table} are in {@code status} now, and the oldest one's
	 * creation.
	 */
	Waiting waiting(String table, String status) {
		return this.jdbc.sql("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM " + table + " WHERE status = ?")
			.params(status)
			.query((rs, row) -> new Waiting(rs.getLong("n"), Timestamps.read(rs, "oldest")))
			.single();
	}

	record Waiting(long size, Instant oldest) {
	}

}
