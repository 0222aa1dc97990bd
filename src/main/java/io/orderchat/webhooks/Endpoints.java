package io.orderchat.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.orderchat.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook_endpoints table. */
@Repository
class Endpoints {

	private final JdbcClient jdbc;

	Endpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Endpoint endpoint) {
		this.jdbc
			.sql("INSERT INTO webhook_endpoints (id, url, secret, events, enabled, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(endpoint.id(), endpoint.url(), endpoint.secret(), events(endpoint.events()), endpoint.enabled(),
					Timestamps.column(endpoint.createdAt()), Timestamps.column(endpoint.updatedAt()))
			.update();
	}

	void update(Endpoint endpoint) {
		this.jdbc.sql(
				"UPDATE webhook_endpoints SET url = ?, secret = ?, events = ?, enabled = ?, updated_at = ? WHERE id = ?")
			.params(endpoint.url(), endpoint.secret(), events(endpoint.events()), endpoint.enabled(),
					Timestamps.column(endpoint.updatedAt()), endpoint.id())
			.update();
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM webhook_endpoints WHERE id = ?").params(id).update() > 0;
	}

	Optional<Endpoint> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM webhook_endpoints WHERE id = ?")
			.params(id)
			.query(Endpoints::map)
			.optional();
	}

	int count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints").query(Integer.class).single();
	}

	List<Endpoint> all() {
		return this.jdbc.sql("SELECT * FROM webhook_endpoints ORDER BY created_at, id").query(Endpoints::map).list();
	}

	private static String events(Set<WebhookEvent> events) {
		return events.stream().map(WebhookEvent::wire).sorted().collect(Collectors.joining(","));
	}

	private static Endpoint map(ResultSet rs, int row) throws SQLException {
		Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
		Arrays.stream(rs.getString("events").split(","))
			.map(WebhookEvent::parse)
			.flatMap(Optional::stream)
			.forEach(events::add);
		return new Endpoint(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("secret"),
				Collections.unmodifiableSet(events), rs.getBoolean("enabled"), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "updated_at"));
	}

}
