package io.orderchat.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database of one test JVM. By default a fresh PostgreSQL database
 * {@code orderchat_it_<random>} on the local server (created through its {@code postgres}
 * database, dropped when the JVM exits); with {@code -Dorderchat.it.db=h2} (or
 * {@code ORDERCHAT_IT_DB=h2}) an in-memory H2 in PostgreSQL mode instead. The server and
 * its admin credentials come from {@code ORDERCHAT_IT_PG_URL},
 * {@code ORDERCHAT_IT_PG_USER}, {@code ORDERCHAT_IT_PG_PASSWORD} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, {@code postgres}, none).
 */
public final class TestDatabase {

	private static Settings settings;

	private TestDatabase() {
	}

	public static synchronized Settings get() {
		if (settings == null) {
			settings = create();
		}
		return settings;
	}

	/**
	 * Another PostgreSQL database of its own (dropped when the JVM exits), for a test
	 * that starts servers in processes of their own and must not share this JVM's data.
	 */
	public static Settings freshPostgres() {
		return createPostgres("orderchat_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
	}

	private static Settings create() {
		String name = "orderchat_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		String kind = setting("orderchat.it.db", "ORDERCHAT_IT_DB", "postgres");
		if (kind.equalsIgnoreCase("h2")) {
			return new Settings("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
		}
		return createPostgres(name);
	}

	private static Settings createPostgres(String name) {
		String adminUrl = setting("orderchat.it.pg-url", "ORDERCHAT_IT_PG_URL",
				"jdbc:postgresql://127.0.0.1:5432/postgres");
		String user = setting("orderchat.it.pg-user", "ORDERCHAT_IT_PG_USER", "postgres");
		String password = setting("orderchat.it.pg-password", "ORDERCHAT_IT_PG_PASSWORD", "");
		execute(adminUrl, user, password, "CREATE DATABASE " + name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(adminUrl, user, password, name), "drop-" + name));
		String base = adminUrl.contains("?") ? adminUrl.substring(0, adminUrl.indexOf('?')) : adminUrl;
		return new Settings(base.substring(0, base.lastIndexOf('/') + 1) + name, user, password);
	}

	private static void drop(String adminUrl, String user, String password, String name) {
		try {
			// FORCE ends the connections the closing application context may still hold.
			execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (RuntimeException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": " + ex.getMessage(), ex);
		}
	}

	private static String setting(String property, String variable, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/** How to reach the test database. */
	public record Settings(String url, String username, String password) {
	}

}
